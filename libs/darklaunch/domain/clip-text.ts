// eslint-disable-next-line no-control-regex -- NUL is what it replaces
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text an SDK derived from the host's data (a JSON path, a sample's values, a context key), made storable: text
 * beyond `max` characters is cut (never inside a pair) and ends with "…", so a deep path or a long value never
 * costs the batch it came in. NUL and lone UTF-16 surrogates become U+FFFD (over HTTP the input guard refuses
 * them before this runs; the use case may be called directly).
 */
export function clipText(text: string, max: number): string {
  const safe = text.replace(UNSAFE, '\ufffd');
  if (safe.length <= max) return safe;
  let cut = safe.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
