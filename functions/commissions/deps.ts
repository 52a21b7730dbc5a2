import type { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import type { UnitStore } from '#shared/store/ports';

export type CommissionStore = Pick<DynamoCommissionStore, 'create' | 'get' | 'unitRow' | 'ofYear' | 'ofUnit'>;

export interface CommissionsDeps {
  commissions: CommissionStore;
  units: UnitStore;
  now: () => Date;
}
