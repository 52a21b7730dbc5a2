import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { factsRoutes } from '#shared/catalogue/routes/facts';
import { readConfig } from '#shared/config';
import { httpFunction } from '#shared/http/http-function';
import { documentClient } from '#shared/store/dynamo/client';
import { DynamoFactStore } from '#shared/store/dynamo/facts';
import { DynamoItemRecords } from '#shared/store/dynamo/item-records';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { FactsDeps } from './deps';
import { getItemFacts } from './get-facts/use-case';
import { recordFeedback } from './record-feedback/use-case';
import { recordForwarded } from './record-forwarded/use-case';
import { idempotentInstruction } from './record-instruction/idempotent';
import { recordInstruction } from './record-instruction/use-case';
import { recordUpperAdoption } from './record-upper-adoption/use-case';

const dynamo = new DynamoDBClient({});
const table = { client: documentClient(dynamo), tableName: readConfig('tableName') };
const deps: FactsDeps = {
  facts: new DynamoFactStore(table),
  items: new DynamoItemRecords(table),
  units: new DynamoUnitStore(table),
  policies: new DynamoPolicyStore(table),
  now: () => new Date(),
};

const recordInstructionOnce = idempotentInstruction(
  (principal, itemId, body) => recordInstruction(deps, principal, itemId, body),
  dynamo,
  table.tableName,
);

export const handler = httpFunction(factsRoutes, {
  recordForwarded: ({ principal, params, body }) => recordForwarded(deps, principal, params.itemId, body),
  recordUpperAdoption: ({ principal, params, body }) =>
    recordUpperAdoption(deps, principal, params.itemId, body),
  recordInstruction: ({ principal, params, body, idempotencyKey, context }) =>
    recordInstructionOnce(idempotencyKey, principal, params.itemId, body, context),
  recordInstructionFeedback: ({ principal, params, body }) =>
    recordFeedback(deps, principal, params.itemId, params.instructionId, body),
  getItemFacts: ({ principal, params }) => getItemFacts(deps, principal, params.itemId),
});
