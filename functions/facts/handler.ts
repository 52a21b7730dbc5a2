import { httpFunction } from '#shared/http/http-function';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoFactStore } from '#shared/store/dynamo/facts';
import { DynamoItemStore } from '#shared/store/dynamo/items';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { FactsDeps } from './deps';
import { getItemFacts } from './get-facts/use-case';
import { recordFeedback } from './record-feedback/use-case';
import { recordForwarded } from './record-forwarded/use-case';
import { recordInstruction } from './record-instruction/use-case';
import { recordUpperAdoption } from './record-upper-adoption/use-case';

const table = tableFromEnvironment();
const deps: FactsDeps = {
  facts: new DynamoFactStore(table),
  items: new DynamoItemStore(table),
  units: new DynamoUnitStore(table),
  policies: new DynamoPolicyStore(table),
  now: () => new Date(),
};

export const handler = httpFunction('facts', {
  recordForwarded: ({ principal, params, body }) => recordForwarded(deps, principal, params.itemId, body),
  recordUpperAdoption: ({ principal, params, body }) =>
    recordUpperAdoption(deps, principal, params.itemId, body),
  recordInstruction: ({ principal, params, body }) => recordInstruction(deps, principal, params.itemId, body),
  recordInstructionFeedback: ({ principal, params, body }) =>
    recordFeedback(deps, principal, params.itemId, params.instructionId, body),
  getItemFacts: ({ principal, params }) => getItemFacts(deps, principal, params.itemId),
});
