import type { ScoringFact } from '#shared/domain/scoring/index';
import type { Bulletin } from '#shared/schemas/bulletins';
import type { Unit } from '#shared/schemas/units';
import type { ItemFactRows } from '#shared/store/dynamo/facts';
import type { PolicyStore } from '#shared/store/dynamo/policy';
import type { DynamoReplayStore } from '#shared/store/dynamo/replays';

export interface PolicyDeps {
  policies: PolicyStore;
  units: { list(): Promise<Unit[]> };
  /** The year's stored scoring facts (upper adoptions, 批示, 约稿, quotas, late important items). */
  scoringFacts: (year: number) => Promise<ScoringFact[]>;
  /** The year's published (not withdrawn) issues: the adoptions. */
  publishedIssues: (year: number) => Promise<Bulletin[]>;
  /** An item's upper-level fact rows, for items scored before their scoring facts were kept. */
  itemFacts: (itemId: string) => Promise<ItemFactRows>;
  replays: Pick<DynamoReplayStore, 'yearLedger' | 'apply' | 'putAudit' | 'audits'>;
  now: () => Date;
}
