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
import type { InstructionBody, InstructionView } from '#shared/schemas/facts';

type Record = (principal: Principal, itemId: string, body: InstructionBody) => Promise<InstructionView>;

export interface IdempotentInstruction {
  key: string;
  tokenId: string;
  itemId: string;
  body: InstructionBody;
}

/**
 * Powertools idempotency on our one table, as for submissions: a retried 批示 with the same key
 * (per token) returns the first answer and records nothing new; the same key for another item
 * or another body is refused. Refusals (422, 409) leave no record, so a corrected retry runs.
 */
export function idempotentInstruction(record: Record, client: DynamoDBClient, tableName: string) {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName,
    awsSdkV3Client: client,
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    staticPkValue: 'IDEMPOTENCY#recordInstruction',
    expiryAttr: 'expiresAt',
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[key, tokenId]',
    payloadValidationJmesPath: '[itemId, body]',
    expiresAfterSeconds: 24 * 3600,
  });
  const run = makeIdempotent(
    async (request: IdempotentInstruction, principal: Principal) =>
      record(principal, request.itemId, request.body),
    { persistenceStore, config },
  );
  return async (
    key: string,
    principal: Principal,
    itemId: string,
    body: InstructionBody,
    context?: Context,
  ): Promise<InstructionView> => {
    if (context) config.registerLambdaContext(context);
    try {
      return await run({ key, tokenId: principal.tokenId, itemId, body }, principal);
    } catch (error) {
      if (error instanceof IdempotencyValidationError) {
        throw new UnprocessableError(
          'IDEMPOTENCY_KEY_REUSED',
          '这个 Idempotency-Key 已用于另一条内容不同的批示；新批示请使用新的值',
        );
      }
      if (error instanceof IdempotencyAlreadyInProgressError) {
        throw new ConflictError('REQUEST_IN_PROGRESS', '同一请求正在处理中，请稍后再试');
      }
      throw error;
    }
  };
}
