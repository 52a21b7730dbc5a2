import type { PolicyStore } from '#shared/store/dynamo/policy';

export interface PolicyDeps {
  policies: PolicyStore;
  now: () => Date;
}
