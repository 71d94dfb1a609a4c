/** One product of the demo catalogue. */
export interface Product {
  sku: string;
  name: string;
  price: number;
}

/** What a search answers: the query and the matching products, best first. */
export interface SearchResult {
  query: string;
  hits: Product[];
}

export const CATALOG: readonly Product[] = [
  { sku: 'sh-101', name: 'Red shoes', price: 59 },
  { sku: 'sh-102', name: 'Red running shoes', price: 89 },
  { sku: 'sh-103', name: 'Blue shoes', price: 55 },
  { sku: 'sh-104', name: 'Trail running shoes', price: 120 },
  { sku: 'ts-201', name: 'Red t-shirt', price: 19 },
  { sku: 'ts-202', name: 'Blue t-shirt', price: 19 },
  { sku: 'jk-301', name: 'Rain jacket', price: 140 },
  { sku: 'jk-302', name: 'Red rain jacket', price: 150 },
  { sku: 'sk-401', name: 'Running socks', price: 9 },
  { sku: 'bg-501', name: 'Shoe bag', price: 15 },
];
