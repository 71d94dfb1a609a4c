/** The audit log's filters, as kept in the URL's query (`?flag=checkout&actor=alice&from=…&to=…&all=1`). */
export interface AuditFilters {
  flag: string;
  actor: string;
  /** ISO-8601 UTC, or empty. */
  from: string;
  to: string;
  /** Every environment of the project, not only the current one. */
  allEnvironments: boolean;
}

const instant = (value: string | null): string => {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
};

/** Reads the filters from a query string; unreadable times are dropped. */
export function parseAuditFilters(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  return {
    flag: params.get('flag') ?? '',
    actor: params.get('actor') ?? '',
    from: instant(params.get('from')),
    to: instant(params.get('to')),
    allEnvironments: params.get('all') === '1',
  };
}

/** Writes the filters as a query string (with its `?`, or empty when nothing is filtered). */
export function formatAuditFilters(filters: AuditFilters): string {
  const params = new URLSearchParams();
  if (filters.flag) params.set('flag', filters.flag);
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.allEnvironments) params.set('all', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** ISO-8601 → the value of a datetime-local input (the browser's zone), or empty. */
export function toLocalInput(iso: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value (the browser's zone) → ISO-8601 UTC, or empty. */
export function fromLocalInput(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
