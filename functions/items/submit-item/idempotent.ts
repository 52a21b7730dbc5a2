import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import type { Principal } from '#shared/domain/roles';
import { idempotent } from '#shared/http/idempotent';
import type { Item, ItemSubmit } from '#shared/schemas/items';

type Reporter = Extract<Principal, { role: 'reporter' }>;
type Submit = (principal: Reporter, body: ItemSubmit) => Promise<Item>;

export interface IdempotentRequest {
  key: string;
  unitId: string;
  body: ItemSubmit;
  principal: Reporter;
}

/** A retried submission with the same key (per unit) returns the first item and stores nothing new. */
export function idempotentSubmit(submit: Submit, client: DynamoDBClient, tableName: string) {
  const once = idempotent<IdempotentRequest, Item>(
    {
      operationId: 'submitItem',
      keyPath: '[key, unitId]',
      payloadPath: 'body',
      reusedMessage: '这个 Idempotency-Key 已用于另一篇内容不同的稿件；新稿件请使用新的值',
    },
    client,
    tableName,
    (request) => submit(request.principal, request.body),
  );
  return (key: string, principal: Reporter, body: ItemSubmit, context?: Context): Promise<Item> =>
    once({ key, unitId: principal.unitId, body, principal }, context);
}
