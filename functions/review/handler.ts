import { reviewRoutes } from '#shared/catalogue/routes/review';
import { httpFunction } from '#shared/http/http-function';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoItemRecords } from '#shared/store/dynamo/item-records';
import { DynamoMessageWriter } from '#shared/store/dynamo/messages';
import { decideItem } from './decide-item/use-case';
import type { ReviewDeps } from './deps';
import { editItem } from './edit-item/use-case';
import { mergeItems } from './merge-items/use-case';

const table = tableFromEnvironment();
const deps: ReviewDeps = {
  items: new DynamoItemRecords(table),
  messages: new DynamoMessageWriter(table),
  now: () => new Date(),
};

export const handler = httpFunction(reviewRoutes, {
  decideItem: ({ principal, params, body }) => decideItem(deps, principal, params.itemId, body),
  editItem: ({ principal, params, body }) => editItem(deps, principal, params.itemId, body),
  mergeItems: ({ principal, body }) => mergeItems(deps, principal, body),
});
