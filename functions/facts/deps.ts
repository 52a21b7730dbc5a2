import type { DynamoFactStore } from '#shared/store/dynamo/facts';
import type { PolicyStore } from '#shared/store/dynamo/policy';
import type { ItemReader, UnitStore } from '#shared/store/ports';

export type FactStore = Pick<DynamoFactStore, 'ofItem' | 'record' | 'feedback'>;

export interface FactsDeps {
  facts: FactStore;
  items: ItemReader;
  units: Pick<UnitStore, 'get'>;
  policies: Pick<PolicyStore, 'latest'>;
  now: () => Date;
}
