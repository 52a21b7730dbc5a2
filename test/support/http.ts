import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/**
 * A request with exact control over headers (repeated ones stay repeated, which fetch cannot
 * do). `headers` is a list of [name, value] pairs.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: [string, string][]; body?: Buffer | string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // Repeated names become arrays, which Node sends as repeated header lines.
    const headers: Record<string, string[]> = {};
    for (const [name, value] of options.headers ?? []) {
      const key = name.toLowerCase();
      headers[key] = [...(headers[key] ?? []), value];
    }
    const req = httpRequest(url, { method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
