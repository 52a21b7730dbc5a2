import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import type { Principal } from '#shared/domain/roles';
import { ConflictError, UnprocessableError } from '#shared/errors';
import type { Item, ItemSubmit } from '#shared/schemas/items';

type Reporter = Extract<Principal, { role: 'reporter' }>;
type Submit = (principal: Reporter, body: ItemSubmit) => Promise<Item>;

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
    async (_request: IdempotentRequest, principal: Reporter, body: ItemSubmit) => submit(principal, body),
    { persistenceStore, config },
  );
  return async (key: string, principal: Reporter, body: ItemSubmit, context?: Context): Promise<Item> => {
    // Lets Powertools expire an in-progress record when this invocation would time out.
    if (context) config.registerLambdaContext(context);
    try {
      return await run({ key, unitId: principal.unitId, body }, principal, body);
    } catch (error) {
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
