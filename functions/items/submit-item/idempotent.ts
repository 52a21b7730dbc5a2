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
import type { Principal } from '#shared/domain/roles';
import { ConflictError, UnprocessableError } from '#shared/errors';
import { logger } from '#shared/http/logger';
import type { Item, ItemSubmit } from '#shared/schemas/items';

type Reporter = Extract<Principal, { role: 'reporter' }>;
type Submit = (principal: Reporter, body: ItemSubmit) => Promise<Item>;
/** What the submission stored, known even when Powertools fails afterwards. */
type Stored = { item?: Item };

export interface IdempotentRequest {
  key: string;
  unitId: string;
  body: ItemSubmit;
}

/**
 * Powertools idempotency on our one table: a retried POST with the same key (per unit) returns
 * the first answer and stores nothing new; the same key with another body is refused.
 */
export function idempotentSubmit(submit: Submit, client: DynamoDBClient, tableName: string) {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName,
    awsSdkV3Client: client,
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    staticPkValue: 'IDEMPOTENCY#submitItem',
    expiryAttr: 'expiresAt',
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[key, unitId]',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: 24 * 3600,
  });
  const run = makeIdempotent(
    async (_request: IdempotentRequest, principal: Reporter, body: ItemSubmit, stored: Stored) => {
      stored.item = await submit(principal, body);
      return stored.item;
    },
    { persistenceStore, config },
  );
  return async (key: string, principal: Reporter, body: ItemSubmit, context?: Context): Promise<Item> => {
    // Lets Powertools expire an in-progress record when this invocation would time out.
    if (context) config.registerLambdaContext(context);
    const request: IdempotentRequest = { key, unitId: principal.unitId, body };
    const stored: Stored = {};
    try {
      return await run(request, principal, body, stored);
    } catch (error) {
      // The item is stored but its answer was not recorded (the store throttled the final update).
      // Answering 500 would leave the record in progress until it expires, and a retry after that
      // would store the item a second time: record the answer again and give it now.
      if (error instanceof IdempotencyPersistenceLayerError && stored.item) {
        await completeRecord(() => persistenceStore.saveSuccess(asRecordData(request), stored.item));
        return stored.item;
      }
      if (error instanceof IdempotencyValidationError) {
        throw new UnprocessableError(
          'IDEMPOTENCY_KEY_REUSED',
          '这个 Idempotency-Key 已用于另一篇内容不同的稿件；新稿件请使用新的值',
        );
      }
      if (error instanceof IdempotencyAlreadyInProgressError) {
        throw new ConflictError('REQUEST_IN_PROGRESS', '同一请求正在处理中，请稍后再试');
      }
      throw error;
    }
  };
}

/** The request as Powertools keys and hashes it (it is plain JSON). */
const asRecordData = (request: IdempotentRequest) =>
  request as unknown as Parameters<DynamoDBPersistenceLayer['saveSuccess']>[0];

/** A few more tries with backoff, on top of the SDK's own; the item is stored whatever happens here. */
async function completeRecord(save: () => Promise<void>): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      await save();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
  logger.warn('idempotency record left in progress after the item was stored');
}
