import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyPersistenceLayerError,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { ConflictError, UnprocessableError } from '../errors';
import { logger } from './logger';

/** How long a key is remembered: a retry within this window gets the first answer. */
export const idempotencyWindowSeconds = 24 * 3600;

/** What the work returned, known even when Powertools fails afterwards. */
type Done<Result> = { result?: Result };

export interface IdempotentOperation {
  /** The operation's records live under `IDEMPOTENCY#<operationId>` in the one table. */
  operationId: string;
  /** JMESPath over the request naming what makes two requests "the same": the key and its owner. */
  keyPath: string;
  /** JMESPath over the request of what a reused key must repeat exactly. */
  payloadPath: string;
  /** The Chinese refusal when a key comes back with another payload. */
  reusedMessage: string;
}

/**
 * Powertools idempotency on our one table for a retriable POST: a retry with the same key returns
 * the first answer and writes nothing new; the same key with another payload is refused (422);
 * a retry while the first is still running gets 409. Refusals leave no record, so a corrected
 * retry runs.
 */
export function idempotent<Request extends object, Result>(
  operation: IdempotentOperation,
  client: DynamoDBClient,
  tableName: string,
  work: (request: Request) => Promise<Result>,
) {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName,
    awsSdkV3Client: client,
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    staticPkValue: `IDEMPOTENCY#${operation.operationId}`,
    expiryAttr: 'expiresAt',
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: operation.keyPath,
    payloadValidationJmesPath: operation.payloadPath,
    expiresAfterSeconds: idempotencyWindowSeconds,
  });
  const run = makeIdempotent(
    async (request: Request, done: Done<Result>) => {
      done.result = await work(request);
      return done.result;
    },
    { persistenceStore, config },
  );
  return async (request: Request, context?: Context): Promise<Result> => {
    // Lets Powertools expire an in-progress record when this invocation would time out.
    if (context) config.registerLambdaContext(context);
    const done: Done<Result> = {};
    try {
      return await run(request, done);
    } catch (error) {
      // The work is written but its answer was not recorded (the store throttled the final
      // update). A 500 would leave the record in progress until it expires, and a retry after
      // that would write a second time: record the answer again and give it now.
      if (error instanceof IdempotencyPersistenceLayerError && done.result !== undefined) {
        await completeRecord(() =>
          persistenceStore.saveSuccess(asRecordData(request), done.result as SavedResult),
        );
        return done.result;
      }
      if (error instanceof IdempotencyValidationError) {
        throw new UnprocessableError('IDEMPOTENCY_KEY_REUSED', operation.reusedMessage);
      }
      if (error instanceof IdempotencyAlreadyInProgressError) {
        throw new ConflictError('REQUEST_IN_PROGRESS', '同一请求正在处理中，请稍后再试');
      }
      throw error;
    }
  };
}

/** The request as Powertools keys and hashes it (it is plain JSON). */
const asRecordData = (request: object) =>
  request as unknown as Parameters<DynamoDBPersistenceLayer['saveSuccess']>[0];

type SavedResult = Parameters<DynamoDBPersistenceLayer['saveSuccess']>[1];

/** A few more tries with backoff, on top of the SDK's own; the work is written whatever happens here. */
async function completeRecord(save: () => Promise<void>): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      await save();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  logger.warn('idempotency record left in progress after the work was written');
}
