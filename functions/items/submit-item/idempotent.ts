import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import type { UnitPrincipal } from '#shared/domain/roles';
import { idempotent } from '#shared/http/idempotent';
import type { Item, ItemSubmit } from '#shared/schemas/items';
import { keyReusedMessage } from './claim';

type Reporter = UnitPrincipal;
type Submit = (principal: Reporter, body: ItemSubmit, key: string) => Promise<Item>;

export interface IdempotentRequest {
  key: string;
  unitId: string;
  body: ItemSubmit;
  principal: Reporter;
}

/**
 * A retried submission with the same key (per unit) returns the first item and stores nothing new.
 * The idempotency record answers retries while it lives; the submission also claims the key in its own
 * transaction, so a retry after a crash between that transaction and the record (the record left
 * in progress, then expired) still finds the first item instead of storing a second one.
 */
export function idempotentSubmit(submit: Submit, client: DynamoDBClient, tableName: string) {
  const once = idempotent<IdempotentRequest, Item>(
    {
      operationId: 'submitItem',
      keyOf: (request) => [request.key, request.unitId],
      payloadOf: (request) => request.body,
      reusedMessage: keyReusedMessage,
    },
    client,
    tableName,
    (request) => submit(request.principal, request.body, request.key),
  );
  return (key: string, principal: Reporter, body: ItemSubmit, context?: Context): Promise<Item> =>
    once({ key, unitId: principal.unitId, body, principal }, context);
}
