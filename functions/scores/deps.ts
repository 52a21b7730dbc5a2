import type { PeriodCounts } from '#shared/domain/ranking';
import type { UnitStore } from '#shared/store/ports';

export interface ScoresDeps {
  units: UnitStore;
  counts: (period: string) => Promise<Map<string, PeriodCounts>>;
  now: () => Date;
}
