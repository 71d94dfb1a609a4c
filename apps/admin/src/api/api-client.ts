import { ApiError } from './api-error.js';

/** The subset of `fetch` the client needs, so tests can pass a fake. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A request the service has not answered in this long is treated as a network failure (so polling resumes). */
const TIMEOUT_MS = 20_000;

export interface RequestOptions {
  body?: unknown;
  ifMatch?: number;
  query?: Record<string, string | number | undefined>;
}

/**
 * Talks to the admin API with an admin token. Every non-2xx answer becomes an ApiError carrying the
 * service's code, message and failing fields; a network failure becomes an UNAVAILABLE ApiError.
 */
export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly fetchFn: FetchLike = (input, init) => fetch(input, init),
    private readonly baseUrl = '',
    /** Called when the service stops accepting the token (revoked or expired) so the UI can sign out. */
    private readonly onUnauthenticated?: () => void,
  ) {}

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  put<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** A GET whose answer is text (an export: Markdown, JSON to save as a file), returned as sent. */
  async getText(path: string, options: RequestOptions = {}): Promise<string> {
    const { response, text } = await this.send('GET', path, options, '*/*');
    if (!response.ok) throw ApiError.fromBody(response.status, text ? safeParse(text) : undefined);
    return text;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const { response, text } = await this.send(method, path, options, 'application/json');
    const body: unknown = text ? safeParse(text) : undefined;
    if (!response.ok) throw ApiError.fromBody(response.status, body);
    return body as T;
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    accept: string,
  ): Promise<{ response: Response; text: string }> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}/api${path}${queryString(options.query)}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new ApiError(0, 'UNAVAILABLE', 'The flag service cannot be reached. Check your connection and retry.');
    }
    const text = await response.text();
    if (response.status === 401) this.onUnauthenticated?.();
    return { response, text };
  }
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { error: { code: 'UNAVAILABLE', message: text.slice(0, 200) } };
  }
}
