import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import type { Principal } from '#shared/domain/roles';
import { idempotent } from '#shared/http/idempotent';
import type { InstructionBody, InstructionView } from '#shared/schemas/facts';

type Record = (principal: Principal, itemId: string, body: InstructionBody) => Promise<InstructionView>;

export interface IdempotentInstruction {
  key: string;
  tokenId: string;
  itemId: string;
  body: InstructionBody;
  principal: Principal;
}

/** A retried 批示 with the same key (per token) returns the first answer and records nothing new. */
export function idempotentInstruction(record: Record, client: DynamoDBClient, tableName: string) {
  const once = idempotent<IdempotentInstruction, InstructionView>(
    {
      operationId: 'recordInstruction',
      keyOf: (request) => [request.key, request.tokenId],
      payloadOf: (request) => [request.itemId, request.body],
      reusedMessage: '这个 Idempotency-Key 已用于另一条内容不同的批示；新批示请使用新的值',
    },
    client,
    tableName,
    (request) => record(request.principal, request.itemId, request.body),
  );
  return (
    key: string,
    principal: Principal,
    itemId: string,
    body: InstructionBody,
    context?: Context,
  ): Promise<InstructionView> => once({ key, tokenId: principal.tokenId, itemId, body, principal }, context);
}
