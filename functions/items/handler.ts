import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { itemsRoutes } from '#shared/catalogue/routes/items';
import { readConfig } from '#shared/config';
import { isUnitBound } from '#shared/domain/roles';
import { httpFunction } from '#shared/http/http-function';
import type { ItemSubmit } from '#shared/schemas/items';
import { documentClient } from '#shared/store/dynamo/client';
import { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import { DynamoDraftStore } from '#shared/store/dynamo/drafts';
import { DynamoHistoryStore } from '#shared/store/dynamo/history';
import { DynamoItemStore } from '#shared/store/dynamo/items';
import { DynamoPersonStore } from '#shared/store/dynamo/people';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { duplicateIndexRequesterFromEnvironment } from '#shared/store/lambda/lsh-indexer';
import { mailDispatcherFromEnvironment } from '#shared/store/lambda/mail-dispatcher';
import { createDraft, type DraftDeps } from './create-draft/use-case';
import { deleteDraft } from './delete-draft/use-case';
import type { ItemsDeps } from './deps';
import { getDiff } from './get-diff/use-case';
import { getDraft } from './get-draft/use-case';
import { getHistory } from './get-history/use-case';
import { getItem } from './get-item/use-case';
import { itemSeenBy } from './item-view';
import { listDrafts } from './list-drafts/use-case';
import { listItems } from './list-items/use-case';
import { precheckItem } from './precheck-item/use-case';
import { reviseItem } from './revise-item/use-case';
import { refuseUnacceptable } from './submission-rules';
import { submitDraft } from './submit-draft/use-case';
import { idempotentSubmit } from './submit-item/idempotent';
import { submitItem } from './submit-item/use-case';
import { updateDraft } from './update-draft/use-case';

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
const draftDeps: DraftDeps = { drafts: new DynamoDraftStore(table), now: deps.now };

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
  createDraft: ({ principal, body }) => createDraft(draftDeps, principal, body),
  listDrafts: ({ principal, query }) => listDrafts(draftDeps, principal, query),
  getDraft: ({ principal, params }) => getDraft(draftDeps, principal, params.draftId),
  updateDraft: ({ principal, params, body }) => updateDraft(draftDeps, principal, params.draftId, body),
  deleteDraft: ({ principal, params }) => deleteDraft(draftDeps, principal, params.draftId),
  submitDraft: async ({ principal, params, context }) => {
    if (!isUnitBound(principal)) throw new Error('route table admits unit people only');
    const submit = (key: string, reporter: typeof principal, body: ItemSubmit) =>
      submitOnce(key, reporter, body, context);
    const item = await submitDraft({ ...draftDeps, items: deps.items, submit }, principal, params.draftId);
    return itemSeenBy(principal, item);
  },
});
