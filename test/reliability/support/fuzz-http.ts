/**
 * A raw HTTP client for the fuzzer: node:http sends what fetch refuses to (a body on GET, odd
 * headers, any bytes), over a keep-alive pool of `sockets` connections.
 */
import { Agent, request } from 'node:http';

export interface RawReply {
  status: number;
  contentType: string;
  text: string;
}

export function rawClient(baseUrl: string, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port } = new URL(baseUrl);
  const send = (method: string, path: string, headers: Record<string, string>, body?: Buffer) =>
    new Promise<RawReply>((resolve, reject) => {
      const outgoing = request(
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              contentType: String(response.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          response.on('error', reject);
        },
      );
      outgoing.setTimeout(30_000, () =>
        outgoing.destroy(new Error(`no answer within 30 s: ${method} ${path.slice(0, 200)}`)),
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return { send, close: () => agent.destroy() };
}
