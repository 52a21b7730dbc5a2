export { defaultPolicy, defaultPolicySources } from './defaults';
export {
  type AnsweredCommission,
  type AskedCommission,
  type ClosingUnit,
  monthCloseFacts,
  type SubmittedForScoring,
  submissionFacts,
} from './events';
export * from './facts';
export {
  coCredit,
  compareFacts,
  compareLines,
  instructionLevelLabels,
  ledgerFor,
  monthLabel,
  replayEach,
  replayYear,
  scoreOf,
} from './ledger';
export { formatPoints, fromCents, signedPoints, splitEvenly, toCents } from './points';
export { diffLedger, type LedgerDiff, type LinePut, type UnitPointChange } from './replay-diff';
export { centsOf, ledgerTimeOf, lineName, monthEnd, replayLedger, type TimedLine } from './timed';
