/**
 * The admin UI's one way to show an instant: UTC with the zone said, "2026-12-01 23:16:08 UTC" (the audit log,
 * history, keys, tokens, the breaker and the flag page all use it, so times compare at a glance across screens
 * and with server logs). Empty for a missing or unreadable instant.
 */
export function utcTime(at: string | null | undefined): string {
  if (!at) return '';
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
