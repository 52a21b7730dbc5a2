import type { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import type { MessageWriter, UnitStore } from '#shared/store/ports';

export type CommissionStore = Pick<DynamoCommissionStore, 'create' | 'get' | 'unitRow' | 'ofYear' | 'ofUnit'>;

export interface CommissionsDeps {
  commissions: CommissionStore;
  units: UnitStore;
  /** 站内消息 (新约稿) for the asked units' people; a test world may leave it out. */
  messages?: MessageWriter;
  now: () => Date;
}
