/**
 * The median of a non-empty list of numbers.
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * How far the rounds spread around their median, as a fraction of it: (max - min) / median.
 * @param {number[]} values
 * @returns {number}
 */
export function spread(values) {
  return (Math.max(...values) - Math.min(...values)) / median(values);
}
