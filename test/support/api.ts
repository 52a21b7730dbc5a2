/** A small HTTP client for end-to-end tests: JSON in, JSON out, bearer token optional. */
export interface Reply {
  status: number;
  body: Record<string, unknown> & {
    error?: { code: string; message: string; details?: { path?: string }[] };
  };
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export function apiClient(baseUrl: () => string) {
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    if (options.text !== undefined) {
      body = options.text;
      headers['content-type'] = options.contentType ?? 'text/csv';
    }
    const response = await fetch(`${baseUrl()}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
  };
}
