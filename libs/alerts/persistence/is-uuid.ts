const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical UUID; other ids cannot exist, and Postgres would refuse them with an error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
