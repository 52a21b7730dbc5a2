export { defaultPolicy, defaultPolicySources } from './defaults';
export * from './facts';
export {
  coCredit,
  compareFacts,
  compareLines,
  instructionLevelLabels,
  ledgerFor,
  monthLabel,
  replayYear,
  scoreOf,
} from './ledger';
export { formatPoints, signedPoints, splitEvenly } from './points';
