import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface Clients {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
}

/** SDK clients for a local endpoint; no retries, so every answer is the endpoint's first one. */
export function clientsFor(endpoint: string): Clients {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return { client, doc: DynamoDBDocumentClient.from(client) };
}

/** What a call ended with, so a check can assert on success and failure alike. */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; name: string; message: string; reasons: unknown[] | undefined };

export async function outcome<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const reasons = 'CancellationReasons' in error ? error.CancellationReasons : undefined;
    return {
      ok: false,
      name: error.name,
      message: error.message,
      reasons: Array.isArray(reasons) ? reasons : undefined,
    };
  }
}

/** Error name of a failed outcome ('ok' when it succeeded), for compact assertions. */
export const nameOf = (result: Outcome<unknown>): string => (result.ok ? 'ok' : result.name);

/** Cancellation reason codes of a failed outcome, in action order. */
export function codesOf(result: Outcome<unknown>): string[] {
  if (result.ok || !result.reasons) return [];
  return result.reasons.map((reason) =>
    typeof reason === 'object' && reason !== null && 'Code' in reason ? String(reason.Code) : '?',
  );
}
