import { createHash } from 'node:crypto';
import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context } from 'aws-lambda';
import { ConflictError, UnprocessableError } from '../errors';
import { isConditionFailure, rethrowStoreError } from '../store/dynamo/errors';
import { logger } from './logger';

/** How long a key is remembered: a retry within this window gets the first answer. */
export const idempotencyWindowSeconds = 24 * 3600;

export interface IdempotentOperation<Request> {
  /** The operation's records live under `IDEMPOTENCY#<operationId>` in the one table. */
  operationId: string;
  /** What makes two requests "the same": the key and its owner. */
  keyOf: (request: Request) => unknown;
  /** What a reused key must repeat exactly. */
  payloadOf: (request: Request) => unknown;
  /** The Chinese refusal when a key comes back with another payload. */
  reusedMessage: string;
}

/**
 * One record per key, in the very shape Powertools idempotency (`DynamoDBPersistenceLayer` with
 * `keyAttr: 'pk'`, `sortKeyAttr: 'sk'`, `expiryAttr: 'expiresAt'`, MD5 hashes) wrote before it was
 * replaced by this module (its JMESPath engine and persistence classes weighed ~37 KB in each
 * bundle that used it), so records written by either are read by the other: `sk` is
 * `<AWS_LAMBDA_FUNCTION_NAME>#<hash of the key>`, `status` INPROGRESS | COMPLETED, `expiresAt`
 * (seconds), `in_progress_expiration` (ms), `validation` (hash of the payload), `data` (the answer).
 */
const attributes = {
  status: 'status',
  expiry: 'expiresAt',
  inProgressExpiry: 'in_progress_expiration',
  data: 'data',
  validation: 'validation',
} as const;

type Status = 'INPROGRESS' | 'COMPLETED';

interface StoredRecord {
  status?: string;
  expiresAt?: number;
  validation?: string;
  data?: unknown;
}

/** Objects' keys sorted (case-insensitively, as Powertools' `deepSort`), arrays kept in order. */
function deepSort(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepSort);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))) {
      sorted[key] = deepSort((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

const hashOf = (value: unknown) =>
  createHash('md5')
    .update(JSON.stringify(deepSort(value)) ?? '')
    .digest('base64');

/** A record found expired, or gone, between our write and our read: claim the key again. */
class RecordChanged extends Error {}

/** How many times a key is claimed again when its record changed under us (Powertools: 1 + 2). */
const maxClaims = 3;

/**
 * A retriable POST on our one table: a retry with the same key returns the first answer and writes
 * nothing new; the same key with another payload is refused (422); a retry while the first is
 * still running gets 409. A failed operation leaves no record, so a corrected retry runs.
 */
export function idempotent<Request extends object, Result>(
  operation: IdempotentOperation<Request>,
  client: DynamoDBClient,
  tableName: string,
  work: (request: Request) => Promise<Result>,
) {
  const pk = `IDEMPOTENCY#${operation.operationId}`;
  const keyPrefix = process.env.AWS_LAMBDA_FUNCTION_NAME ?? '';

  return async (request: Request, context?: Context): Promise<Result> => {
    const key = marshall({ pk, sk: `${keyPrefix}#${hashOf(operation.keyOf(request))}` });
    const payloadHash = hashOf(operation.payloadOf(request));

    const answerOf = (record: StoredRecord): Result => {
      if (record.validation !== payloadHash) {
        throw new UnprocessableError('IDEMPOTENCY_KEY_REUSED', operation.reusedMessage);
      }
      if (record.expiresAt !== undefined && Date.now() / 1000 > record.expiresAt) throw new RecordChanged();
      if (record.status === 'INPROGRESS') {
        throw new ConflictError('REQUEST_IN_PROGRESS', '同一请求正在处理中，请稍后再试');
      }
      return record.data as Result;
    };

    /** The existing record's answer, or undefined when this call now holds the key (in progress). */
    const claim = async (): Promise<{ answer: Result } | undefined> => {
      const now = Date.now();
      const record: Record<string, unknown> = {
        [attributes.expiry]: expiryFrom(now),
        [attributes.status]: 'INPROGRESS' satisfies Status,
        [attributes.validation]: payloadHash,
      };
      const remaining = context?.getRemainingTimeInMillis();
      if (remaining) record[attributes.inProgressExpiry] = now + remaining;
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { ...key, ...marshall(record) },
            // Free, expired, or in progress past the time its Lambda invocation had.
            ConditionExpression:
              'attribute_not_exists(#id) OR #expiry < :now OR (#status = :inprogress AND attribute_exists(#in_progress_expiry) AND #in_progress_expiry < :now_in_millis)',
            ExpressionAttributeNames: {
              '#id': 'pk',
              '#expiry': attributes.expiry,
              '#in_progress_expiry': attributes.inProgressExpiry,
              '#status': attributes.status,
            },
            ExpressionAttributeValues: marshall({
              ':now': now / 1000,
              ':now_in_millis': now,
              ':inprogress': 'INPROGRESS' satisfies Status,
            }),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return undefined;
      } catch (error) {
        if (!isConditionFailure(error)) rethrowStoreError(error);
        const old = (error as { Item?: Parameters<typeof unmarshall>[0] }).Item;
        const existing = old
          ? unmarshall(old)
          : (await client.send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true })))
              .Item;
        if (!existing) throw new RecordChanged();
        return {
          answer: answerOf(old ? (existing as StoredRecord) : (unmarshall(existing) as StoredRecord)),
        };
      }
    };

    for (let attempt = 1; ; attempt++) {
      let claimed: { answer: Result } | undefined;
      try {
        claimed = await claim();
      } catch (error) {
        if (error instanceof RecordChanged && attempt < maxClaims) continue;
        throw error;
      }
      if (claimed) return claimed.answer;
      break;
    }

    let result: Result;
    try {
      result = await work(request);
    } catch (error) {
      // The work failed: free the key so that a corrected retry runs.
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: key })).catch(rethrowStoreError);
      throw error;
    }
    // The work is written: record its answer, a few more tries with backoff on top of the SDK's own.
    // A 500 here would leave the record in progress until it expires, and a retry after that would
    // write a second time; the answer is given whatever happens.
    await completeRecord(() =>
      client
        .send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression:
              'SET #expiry = :expiry, #status = :status, #response_data = :response_data, #validation_key = :validation_key',
            ExpressionAttributeNames: {
              '#expiry': attributes.expiry,
              '#status': attributes.status,
              '#response_data': attributes.data,
              '#validation_key': attributes.validation,
            },
            ExpressionAttributeValues: marshall(
              {
                ':expiry': expiryFrom(Date.now()),
                ':status': 'COMPLETED' satisfies Status,
                ':response_data': result,
                ':validation_key': payloadHash,
              },
              { removeUndefinedValues: true },
            ),
          }),
        )
        .then(() => undefined),
    );
    return result;
  };
}

const expiryFrom = (nowMs: number) => Math.round(nowMs / 1000 + idempotencyWindowSeconds);

async function completeRecord(save: () => Promise<void>): Promise<void> {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1)));
    try {
      await save();
      return;
    } catch {
      // tried again below
    }
  }
  logger.warn('idempotency record left in progress after the work was written');
}
