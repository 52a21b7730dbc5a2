/**
 * Scoring facts: what happened, as the ledger rules see it. Each fact names the units it credits;
 * the policy decides the points. Times are ISO 8601; `month` is `YYYY-MM` (Asia/Shanghai).
 */
export type InstructionLevel = 'city' | 'province' | 'state';
export const instructionLevels: readonly InstructionLevel[] = ['city', 'province', 'state'];

export type CommissionOutcome = 'on-time' | 'late' | 'missed';
export type QuotaUnitClass = 'county' | 'department';

/** A unit credited with an item; `share` (0–1) overrides the policy's fixed share when co-credit is `fixed`. */
export interface CreditedUnit {
  unitId: string;
  share?: number;
}

export interface AdoptedFact {
  kind: 'adopted';
  itemId: string;
  /** The issue as a unit reads it: 《政务信息》2026年第12期. */
  bulletinLabel: string;
  seriesId: string;
  /** The lead unit first; more than one for a merged (综合) item. */
  units: CreditedUnit[];
  at: string;
}

export interface UpperAdoptedFact {
  kind: 'upper-adopted';
  itemId: string;
  publicationId: string;
  forwardedThroughCity: boolean;
  units: CreditedUnit[];
  at: string;
  /** Item-level points (before co-credit split, after the forwarding multiplier) already counted for this item's earlier upper-level adoptions; used in highest-only mode. */
  earlierUpperPoints?: number;
}

export interface InstructionFact {
  kind: 'instruction';
  itemId: string;
  level: InstructionLevel;
  leader: string;
  units: CreditedUnit[];
  at: string;
  /** Levels already counted on this item: the same level is counted once per item. */
  levelsAlreadyCounted: InstructionLevel[];
}

export interface CommissionFact {
  kind: 'commission';
  commissionId: string;
  topic: string;
  unitId: string;
  outcome: CommissionOutcome;
  at: string;
}

export interface LateImportantFact {
  kind: 'late-important';
  itemId: string;
  unitId: string;
  at: string;
}

export interface QuotaFact {
  kind: 'quota';
  unitId: string;
  unitClass: QuotaUnitClass;
  month: string;
  submitted: number;
}

export type ScoringFact =
  | AdoptedFact
  | UpperAdoptedFact
  | InstructionFact
  | CommissionFact
  | LateImportantFact
  | QuotaFact;

export type LedgerSource = 'item' | 'commission' | 'quota';

/** One line of the ledger (积分明细). Every score anywhere is a sum of these. */
export interface LedgerLine {
  unitId: string;
  source: LedgerSource;
  /** The item id, commission id, or the month (`YYYY-MM`) of a quota line. */
  refId: string;
  /** Stable rule id: `series:zwxx`, `upper:province-zwxx`, `instruction:province`, `quota:county:met` … */
  rule: string;
  policyVersion: number;
  /** At most two decimals. */
  points: number;
  /** One Chinese line a unit can read: 「《政务信息》2026年第12期采用 +3」. */
  reason: string;
}
