import type { PersonPeriodCounts } from '#shared/domain/person-ranking';
import type { PeriodCounts } from '#shared/domain/ranking';
import type { Bulletin } from '#shared/schemas/bulletins';
import type { InstructionFact } from '#shared/schemas/facts';
import type { ScoringPolicy } from '#shared/schemas/policy';
import type { StoredCommissionUnit } from '#shared/store/dynamo/commissions';
import type { StoredLedgerLine } from '#shared/store/dynamo/ledger';
import type { UnitStore } from '#shared/store/ports';

export interface CommissionWithRows {
  topic: string;
  deadline: string;
  rows: StoredCommissionUnit[];
}

export interface ScoresDeps {
  units: UnitStore;
  counts: (period: string) => Promise<Map<string, PeriodCounts>>;
  /** A period's counters and the previous period's, from one Query (the year's counter rows). */
  countsWithPrevious: (period: string) => Promise<{
    current: Map<string, PeriodCounts>;
    previous: Map<string, PeriodCounts> | undefined;
  }>;
  /**
   * Every person's figures in a period (the 先进个人 ranking): the units' year rows (one Query) and
   * the people's names (one BatchGet per 100). Set by
   * the scores handler; the jobs that reuse these deps rank units only.
   */
  personCounts?: (period: string) => Promise<PersonPeriodCounts[]>;
  /** Every counter of every unit in a period, breakdowns included. */
  rows: (period: string) => Promise<Map<string, Record<string, number>>>;
  /** The year's published (not withdrawn) issues. */
  publishedIssues: (year: number) => Promise<Bulletin[]>;
  ledger: (unitId: string, from: string, to: string) => Promise<StoredLedgerLine[]>;
  /** The year's policy in force: the latest stored version or the defaults. */
  policy: (year: number) => Promise<ScoringPolicy>;
  /** The year's 约稿 with every unit's row. */
  commissionsOfYear: (year: number) => Promise<CommissionWithRows[]>;
  /** An item's 批示 (one Query of the item's partition). */
  instructionsOfItem: (itemId: string) => Promise<InstructionFact[]>;
  now: () => Date;
}
