import type { PeriodCounts } from '#shared/domain/ranking';
import type { StoredLedgerLine } from '#shared/store/dynamo/ledger';
import type { UnitStore } from '#shared/store/ports';

export interface ScoresDeps {
  units: UnitStore;
  counts: (period: string) => Promise<Map<string, PeriodCounts>>;
  ledger: (unitId: string, from: string, to: string) => Promise<StoredLedgerLine[]>;
  now: () => Date;
}
