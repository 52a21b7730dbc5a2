import {
  Agent,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type ServerResponse,
} from 'node:http';
import { DynamoError, internalError } from './errors';
import { isRecord, type Json } from './types';

/** Answer of dynalite to one call made by the front itself. */
export interface UpstreamResult {
  statusCode: number;
  body: Json;
}

// Hop-by-hop headers describe one connection, not the message: never copy them across.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

// dynalite only checks that a SigV4-looking header is present, never the signature.
const FAKE_AUTH =
  'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

/** HTTP client for the private dynalite listener, with pooled keep-alive connections. */
export class Upstream {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64 });

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  /**
   * Streams one client request to dynalite and its answer back, unchanged. `onAnswered` runs once,
   * when dynalite has answered (its write is then done) or the exchange failed. With `hold`, the
   * answer is buffered and relayed, still unchanged, only once `hold` has settled.
   */
  forward(
    req: IncomingMessage,
    res: ServerResponse,
    onAnswered: () => void,
    hold?: Hold,
    observe?: Observe,
  ): void {
    let settled = false;
    const sent: Buffer[] = [];
    if (observe) req.on('data', (chunk: Buffer) => sent.push(chunk));
    const settle = (): void => {
      if (settled) return;
      settled = true;
      onAnswered();
    };
    const upstream = request(
      {
        agent: this.agent,
        host: this.host,
        port: this.port,
        method: req.method,
        path: req.url,
        headers: stripHopByHop(req.headers),
      },
      (answer) => {
        const statusCode = answer.statusCode ?? 502;
        const headers = stripHopByHop(answer.headers);
        if (observe) {
          const received: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => received.push(chunk));
          answer.on('end', () => observe(statusCode, Buffer.concat(sent), Buffer.concat(received)));
        }
        if (!hold) {
          settle();
          res.writeHead(statusCode, headers);
          answer.pipe(res);
          return;
        }
        void readAll(answer)
          .then(async (body) => {
            await hold(statusCode, body).catch(() => undefined);
            settle();
            res.writeHead(statusCode, headers);
            res.end(body);
          })
          .catch((error: Error) => {
            settle();
            res.destroy(error);
          });
      },
    );
    upstream.on('error', (error) => {
      settle();
      if (res.headersSent) res.destroy(error);
      else sendUpstreamFailure(res, error);
    });
    req.on('error', () => upstream.destroy());
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }

  /** One DynamoDB operation made by the front (transactions, recovery); JSON in, JSON out. */
  call(operation: string, payload: Json): Promise<UpstreamResult> {
    const body = Buffer.from(JSON.stringify(payload));
    return new Promise((resolve, reject) => {
      const upstream = request(
        {
          agent: this.agent,
          host: this.host,
          port: this.port,
          method: 'POST',
          path: '/',
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'content-length': body.length,
            'x-amz-target': `DynamoDB_20120810.${operation}`,
            'x-amz-date': '20200101T000000Z',
            authorization: FAKE_AUTH,
          },
        },
        (answer) => {
          readAll(answer).then((raw) => {
            try {
              const parsed: unknown = JSON.parse(raw.toString('utf8') || '{}');
              if (!isRecord(parsed)) throw new Error('not a JSON object');
              resolve({ statusCode: answer.statusCode ?? 500, body: parsed });
            } catch (error) {
              reject(internalError(`dynalite answered ${operation} with non-JSON: ${String(error)}`));
            }
          }, reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  /** Like `call`, but a DynamoDB error answer becomes a thrown DynamoError. */
  async callOk(operation: string, payload: Json): Promise<Json> {
    const result = await this.call(operation, payload);
    if (result.statusCode === 200) return result.body;
    throw upstreamError(result);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Re-creates dynalite's error answer as a DynamoError, keeping its type and message. */
export function upstreamError(result: UpstreamResult): DynamoError {
  const type = typeof result.body.__type === 'string' ? result.body.__type : 'InternalServerError';
  const rawMessage = result.body.message ?? result.body.Message;
  const message = typeof rawMessage === 'string' ? rawMessage : '';
  return new DynamoError(result.statusCode, type, message);
}

/** Short name of a DynamoDB error type (`...#ConditionalCheckFailedException` -> the part after `#`). */
export function errorName(type: string): string {
  const hash = type.lastIndexOf('#');
  return hash === -1 ? type : type.slice(hash + 1);
}

/** Hears a whole exchange (request and answer bodies) once dynalite's answer has ended. */
export type Observe = (statusCode: number, request: Buffer, answer: Buffer) => void;

/** Called with dynalite's buffered answer before it is relayed. */
export type Hold = (statusCode: number, body: Buffer) => Promise<void>;

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function stripHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name)) copy[name] = value;
  }
  return copy;
}

function sendUpstreamFailure(res: ServerResponse, error: Error): void {
  const body = JSON.stringify(internalError(`local DynamoDB backend failed: ${error.message}`).body());
  res.writeHead(500, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
