import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { itemsRoutes } from '#shared/catalogue/routes/items';
import { readConfig } from '#shared/config';
import { isUnitBound } from '#shared/domain/roles';
import { httpFunction } from '#shared/http/http-function';
import { documentClient } from '#shared/store/dynamo/client';
import { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import { DynamoHistoryStore } from '#shared/store/dynamo/history';
import { DynamoItemStore } from '#shared/store/dynamo/items';
import { DynamoPersonStore } from '#shared/store/dynamo/people';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { duplicateIndexRequesterFromEnvironment } from '#shared/store/lambda/lsh-indexer';
import { mailDispatcherFromEnvironment } from '#shared/store/lambda/mail-dispatcher';
import type { ItemsDeps } from './deps';
import { getDiff } from './get-diff/use-case';
import { getHistory } from './get-history/use-case';
import { getItem } from './get-item/use-case';
import { itemSeenBy } from './item-view';
import { listItems } from './list-items/use-case';
import { precheckItem } from './precheck-item/use-case';
import { reviseItem } from './revise-item/use-case';
import { refuseUnacceptable } from './submission-rules';
import { idempotentSubmit } from './submit-item/idempotent';
import { submitItem } from './submit-item/use-case';

const dynamo = new DynamoDBClient({});
const table = { client: documentClient(dynamo), tableName: readConfig('tableName') };
const deps: ItemsDeps = {
  items: new DynamoItemStore(table),
  units: new DynamoUnitStore(table),
  people: new DynamoPersonStore(table),
  history: new DynamoHistoryStore(table),
  mail: mailDispatcherFromEnvironment(),
  duplicateIndex: duplicateIndexRequesterFromEnvironment(),
  scoring: {
    policies: new DynamoPolicyStore(table),
    commissions: new DynamoCommissionStore(table),
  },
  now: () => new Date(),
};
const submitOnce = idempotentSubmit(
  (principal, body, key) => submitItem(deps, principal, body, key),
  dynamo,
  table.tableName,
);

export const handler = httpFunction(itemsRoutes, {
  submitItem: async ({ principal, body, idempotencyKey, context }) => {
    if (!isUnitBound(principal)) throw new Error('route table admits unit people only');
    // Refused before the idempotency layer, so a refusal leaves no record behind.
    refuseUnacceptable(body, deps.now());
    // The stored item (and the idempotency record) keep every hint; the answer is the reporter's view.
    return itemSeenBy(principal, await submitOnce(idempotencyKey, principal, body, context));
  },
  precheckItem: ({ principal, body }) => precheckItem(deps, principal, body),
  listItems: ({ principal, query }) => listItems(deps, principal, query),
  getItem: ({ principal, params }) => getItem(deps, principal, params.itemId),
  reviseItem: ({ principal, params, body }) => {
    if (!isUnitBound(principal)) throw new Error('route table admits unit people only');
    return reviseItem(deps, principal, params.itemId, body);
  },
  getItemHistory: ({ principal, params }) => getHistory(deps, principal, params.itemId),
  getItemDiff: ({ principal, params }) => getDiff(deps, principal, params.itemId),
});
