/**
 * Every Lambda function, declared once. The CDK app builds each through the house construct and
 * grants exactly the access listed here; the local runtime loads the same entry modules.
 */
export type StoreAccess = 'read' | 'readwrite';

export interface FunctionAccess {
  table?: StoreAccess;
  attachments?: StoreAccess;
  archive?: StoreAccess;
  mail?: boolean;
  /** Functions this one may invoke asynchronously (e.g. the mailer for an urgent alert). */
  invokes?: readonly string[];
}

export interface FunctionDeclaration {
  /** Entry module relative to the project root; it exports `handler`. */
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  access: FunctionAccess;
}

export const functions = {
  authorizer: {
    entry: 'functions/authorizer/handler.ts',
    description: 'Bearer token authorizer (HTTP API simple responses)',
    memoryMb: 256,
    timeoutSeconds: 5,
    access: { table: 'readwrite' },
  },
  system: {
    entry: 'functions/system/handler.ts',
    description: 'Health check and the OpenAPI document',
    memoryMb: 256,
    timeoutSeconds: 5,
    access: { table: 'read' },
  },
  units: {
    entry: 'functions/units/handler.ts',
    description: 'Reporting units: list, get, create, update, deactivate, CSV import',
    memoryMb: 512,
    timeoutSeconds: 29,
    access: { table: 'readwrite' },
  },
  tokens: {
    entry: 'functions/tokens/handler.ts',
    description: 'Access tokens: issue, list, revoke, who am I',
    memoryMb: 256,
    timeoutSeconds: 10,
    access: { table: 'readwrite' },
  },
  items: {
    entry: 'functions/items/handler.ts',
    description: 'Items: submit (idempotent), precheck, list, get, revise, history, diff',
    memoryMb: 512,
    timeoutSeconds: 29,
    access: { table: 'readwrite', invokes: ['mailer'] },
  },
  review: {
    entry: 'functions/review/handler.ts',
    description: "The editor's decisions, edits and merges",
    memoryMb: 512,
    timeoutSeconds: 29,
    access: { table: 'readwrite' },
  },
  attachments: {
    entry: 'functions/attachments/handler.ts',
    description: 'Attachments: presigned upload, confirmation, presigned download',
    memoryMb: 512,
    timeoutSeconds: 29,
    access: { table: 'readwrite', attachments: 'readwrite' },
  },
  settings: {
    entry: 'functions/settings/handler.ts',
    description: 'Office settings: duty recipients, leader recipients, bulletin series',
    memoryMb: 256,
    timeoutSeconds: 10,
    access: { table: 'readwrite' },
  },
  commissions: {
    entry: 'functions/commissions/handler.ts',
    description: '约稿 (commissions): create, list by year or unit, per-unit status',
    memoryMb: 256,
    timeoutSeconds: 29,
    access: { table: 'readwrite' },
  },
  bulletins: {
    entry: 'functions/bulletins/handler.ts',
    description: 'Bulletins: drafts, publish with numbering, Word output, withdraw, archive pages',
    memoryMb: 1024,
    timeoutSeconds: 29,
    access: { table: 'readwrite', attachments: 'readwrite', archive: 'readwrite', invokes: ['mailer'] },
  },
  policy: {
    entry: 'functions/policy/handler.ts',
    description:
      'Scoring policy (考核办法): view and store versioned yearly policies; replay a year under it',
    memoryMb: 256,
    timeoutSeconds: 29,
    access: { table: 'readwrite' },
  },
  mailer: {
    entry: 'functions/mailer/handler.ts',
    description:
      'Sends queued mail (urgent-item alerts) from the outbox; invoked at once and swept on a schedule',
    memoryMb: 256,
    timeoutSeconds: 60,
    access: { table: 'readwrite', mail: true },
  },
  facts: {
    entry: 'functions/facts/handler.ts',
    description:
      'Upper-level facts: forwarded, upper-level adoptions, 批示 and feedback, scored in one transaction',
    memoryMb: 256,
    timeoutSeconds: 29,
    access: { table: 'readwrite' },
  },
  scores: {
    entry: 'functions/scores/handler.ts',
    description: 'Rankings from per-unit per-period counters (JSON, CSV, XLSX) and unit ledgers',
    memoryMb: 512,
    timeoutSeconds: 29,
    // Reads the scores; writes only its callers' rate-limit counters (the rankings download).
    access: { table: 'readwrite' },
  },
  'month-close': {
    entry: 'functions/jobs/month-close/handler.ts',
    description: 'Month close: quota lines and missed 约稿 lines for the month just ended, once per unit',
    memoryMb: 512,
    timeoutSeconds: 300,
    access: { table: 'readwrite' },
  },
  'ranking-notice': {
    entry: 'functions/jobs/ranking-notice/handler.ts',
    description:
      'Monthly ranking notice (采用情况通报): stored, published to the archive, mailed once per address',
    memoryMb: 512,
    timeoutSeconds: 300,
    access: { table: 'readwrite', archive: 'readwrite', mail: true },
  },
  'overdue-report': {
    entry: 'functions/jobs/overdue-report/handler.ts',
    description:
      'Weekly overdue-unit report mailed to leaders and reminders to red/amber units, once per week',
    memoryMb: 512,
    timeoutSeconds: 300,
    access: { table: 'readwrite', mail: true },
  },
  'commission-reminders': {
    entry: 'functions/jobs/commission-reminders/handler.ts',
    description: '约稿 reminders: units that have not answered a commission due within 3 days, once each',
    memoryMb: 256,
    timeoutSeconds: 300,
    access: { table: 'readwrite', mail: true },
  },
  'leader-digest': {
    entry: 'functions/jobs/leader-digest/handler.ts',
    description:
      'Leader digest (领导摘要): daily or weekly per recipient, quiet when empty, once per address and period',
    memoryMb: 512,
    timeoutSeconds: 300,
    access: { table: 'readwrite', mail: true },
  },
  heartbeat: {
    entry: 'functions/jobs/heartbeat/handler.ts',
    description: 'Scheduler heartbeat: records each scheduled run so /health can show the scheduler is alive',
    memoryMb: 256,
    timeoutSeconds: 30,
    access: { table: 'readwrite' },
  },
} as const satisfies Record<string, FunctionDeclaration>;

export type FunctionName = keyof typeof functions;
export const functionNames = Object.keys(functions) as FunctionName[];
