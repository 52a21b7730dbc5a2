/**
 * Every Lambda function, declared once. The CDK app builds each through the house construct and
 * grants exactly the access listed here; the local runtime loads the same entry modules and
 * refuses table requests outside `access.table`, as the function's IAM role does in the cloud.
 */
import type { TableAccess } from './table-access';
import type { UserPoolAccess } from './user-pool';

export type StoreAccess = 'read' | 'readwrite';

export interface FunctionAccess {
  /** Table rows by partition-key pattern (see table-access.ts); derived from the store modules used. */
  table?: TableAccess;
  attachments?: StoreAccess;
  archive?: StoreAccess;
  mail?: boolean;
  /**
   * The user pool (actions per kind in `userPoolActions`, shared/catalogue/user-pool.ts, granted on
   * the pool's ARN only):
   * - `admin`: Cognito Admin* calls on our pool (create, group, disable/enable, set/reset
   *   password, update attributes, get user); the function gets USER_POOL_ID and
   *   USER_POOL_SENDS_MAIL.
   * - `tokens`: verifying the console's access tokens (USER_POOL_ISSUER, USER_POOL_CLIENT_ID) and
   *   enforcing TOTP for REQUIRE_MFA_ROLES with AdminGetUser (USER_POOL_ID).
   */
  userPool?: UserPoolAccess;
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

// Partition patterns shared by several functions. Each function's list follows the store modules its
// deps build (shared/store/dynamo/*); the local runtime refuses anything outside it, so every local
// and end-to-end run checks the list.
/** scoresDeps (functions/jobs/mail-job-deps.ts): rankings, ledgers, statistics — reads only. */
const scoreReads = {
  read: ['UNITS', 'AGG#*', 'LEDGER#*', 'POLICY#*', 'COMMISSION#*', 'ITEM#*'],
  query: { gsi2: ['PUBLISHED#*'], gsi3: ['COMMISSIONS#*'] },
} as const satisfies TableAccess;
/** A fact scored in its own transaction: the item, its ledger lines and its scoring fact. */
const scoredFactWrites = ['ITEM#*', 'LEDGER#*', 'SCOREFACT#*'] as const;
/**
 * Counters, one row per unit and year (`AGG#<year>`) with every period's figures by name — and
 * the 先进个人 figures of the unit's people (`person:<personId>:<month>:<counter>`): only ever
 * added to (UpdateItem ADD), never put.
 */
const counters = 'AGG#*';
/** Per-caller request counts (shared/http/rate-limit.ts): one UpdateItem ADD per call. */
const rateCounters = 'RATE#*';
/**
 * Routes that re-read the caller (`recheckCaller`): a token by id on gsi1, then its row; a
 * signed-in person's own record.
 */
const callerRecheck = { read: ['TOKEN#*', 'PERSON#*'], query: { gsi1: ['TOKENS'] } } as const;
/**
 * 站内消息 delivery (DynamoMessageWriter): the people of a unit (gsi2 UNITPEOPLE#<unit>), then one
 * conditional Put per person into their inbox partition.
 */
const messageDelivery = { write: ['INBOX#*'], query: { gsi2: ['UNITPEOPLE#*'] } } as const;
/** Mail jobs (mailJobDeps): recipients, sent-mail markers, and the scores they report. */
const mailJobAccess = {
  read: [...scoreReads.read, 'SETTINGS'],
  write: ['JOBMAIL#*'],
  delete: ['JOBMAIL#*'],
  query: scoreReads.query,
} as const satisfies TableAccess;

export const functions = {
  authorizer: {
    entry: 'functions/authorizer/handler.ts',
    description: 'Bearer authorizer: xb_ tokens and user pool access tokens (HTTP API simple responses)',
    memoryMb: 256,
    timeoutSeconds: 5,
    // Token rows: it looks a token up by hash and records its last use; it can create none. Person
    // rows: read only, for a signed-in person's role, unit and whether the account is active. The
    // pool: its token settings, and AdminGetUser for whether an admin or editor has TOTP activated.
    access: { table: { update: ['TOKEN#*'], read: ['PERSON#*'] }, userPool: 'tokens' },
  },
  system: {
    entry: 'functions/system/handler.ts',
    description: 'Health check and the OpenAPI document',
    memoryMb: 256,
    timeoutSeconds: 5,
    access: { table: { read: ['UNITS', 'JOB#*'] } },
  },
  units: {
    entry: 'functions/units/handler.ts',
    description: 'Reporting units: list, get, create, update, deactivate, CSV import',
    memoryMb: 512,
    timeoutSeconds: 29,
    access: { table: { write: ['UNITS'], ...callerRecheck } },
  },
  tokens: {
    entry: 'functions/tokens/handler.ts',
    description: 'Access tokens: issue, list, revoke, who am I',
    memoryMb: 256,
    timeoutSeconds: 10,
    // `GET /me` reads the caller's person row when a person signed in.
    access: {
      table: { read: ['UNITS', 'PERSON#*'], write: ['TOKEN#*'], query: { gsi1: ['TOKENS'] } },
    },
  },
  people: {
    entry: 'functions/people/handler.ts',
    description: 'People (人员账号): create, list, edit, disable/enable, reset password',
    memoryMb: 256,
    timeoutSeconds: 15,
    // Person rows and their audit events (PERSON#<sub>), listed on gsi1 (PEOPLE) and gsi2
    // (UNITPEOPLE#<unit>); unit rows to check a unit exists; the caller's own token or person row.
    access: {
      table: {
        read: ['UNITS', ...callerRecheck.read],
        write: ['PERSON#*'],
        query: { gsi1: ['PEOPLE', ...callerRecheck.query.gsi1], gsi2: ['UNITPEOPLE#*'] },
      },
      userPool: 'admin',
    },
  },
  items: {
    entry: 'functions/items/handler.ts',
    description: 'Items: submit (idempotent), precheck, list, get, revise, history, diff; drafts (草稿)',
    memoryMb: 512,
    timeoutSeconds: 29,
    access: {
      table: {
        // Near-duplicate lookups: the LSH bucket rows (Query), then the candidates' signatures.
        // The signed-in person's profile, for a 执笔人 left empty.
        read: ['POLICY#*', 'LSH#*', 'PERSON#*'],
        batchGet: ['DUPSIG#*'],
        // A submission: the item and its scoring, its near-duplicate signature, its idempotency
        // record, an urgent alert; updated only: counters, the unit's last submission, the 约稿 it
        // answers. The key is also claimed inside the submission's own transaction (SUBMITKEY#).
        // Drafts (草稿): one partition per caller (DRAFT#<credential id>); a deleted or submitted
        // draft is marked and left to the table's TTL.
        write: [...scoredFactWrites, 'DUPSIG#*', 'IDEMPOTENCY#*', 'SUBMITKEY#*', 'OUTBOX#*', 'DRAFT#*'],
        update: [counters, 'UNITS', 'COMMISSION#*', rateCounters],
        delete: ['IDEMPOTENCY#*'],
        query: { gsi1: ['QUEUE#*'], gsi2: ['UNITITEMS#*'], gsi3: ['ITEMS#*'] },
      },
      // The mailer for an urgent alert; the LSH indexer for the new item's near-duplicate buckets.
      invokes: ['mailer', 'lsh-indexer'],
    },
  },
  review: {
    entry: 'functions/review/handler.ts',
    description: "The editor's decisions, edits and merges",
    memoryMb: 512,
    timeoutSeconds: 29,
    // Decisions, edits and merges rewrite items and append their events, all in item partitions;
    // a return tells the unit's people (站内消息).
    access: { table: { write: ['ITEM#*', ...messageDelivery.write], query: messageDelivery.query } },
  },
  attachments: {
    entry: 'functions/attachments/handler.ts',
    description: 'Attachments: presigned upload, confirmation, presigned download',
    memoryMb: 512,
    timeoutSeconds: 29,
    // Attachment rows and their audit events live in the item's partition.
    access: { table: { write: ['ITEM#*'] }, attachments: 'readwrite' },
  },
  settings: {
    entry: 'functions/settings/handler.ts',
    description: 'Office settings: duty recipients, leader recipients, bulletin series',
    memoryMb: 256,
    timeoutSeconds: 10,
    access: { table: { write: ['SETTINGS'] } },
  },
  commissions: {
    entry: 'functions/commissions/handler.ts',
    description: '约稿 (commissions): create, list by year or unit, per-unit status',
    memoryMb: 256,
    timeoutSeconds: 29,
    access: {
      table: {
        read: ['UNITS'],
        // A new 约稿 tells the asked units' people (站内消息).
        write: ['COMMISSION#*', ...messageDelivery.write],
        query: { gsi2: ['UNITCOMMISSIONS#*', ...messageDelivery.query.gsi2], gsi3: ['COMMISSIONS#*'] },
      },
    },
  },
  bulletins: {
    entry: 'functions/bulletins/handler.ts',
    description: 'Bulletins: drafts (create, list, read, edit); publishing is its own function',
    memoryMb: 512,
    timeoutSeconds: 29,
    access: {
      table: {
        // Drafts read the series (a SETTINGS row) and the units; saving a draft also writes the
        // adopted text the editor changed onto each candidate item (and its history event).
        read: ['UNITS', 'SETTINGS'],
        write: ['BULLETIN#*', 'ITEM#*'],
        query: { gsi1: ['BULLETINS#*'] },
      },
    },
  },
  publishing: {
    entry: 'functions/publishing/handler.ts',
    description: 'Bulletin publishing: publish with numbering and Word output, withdraw, Word download link',
    memoryMb: 1024,
    timeoutSeconds: 29,
    access: {
      table: {
        read: ['UNITS', 'POLICY#*'],
        // Adoption points (items, ledger lines), the issue and its numbering, mail; counters and
        // the archive's list of years are only updated.
        // The adopted items' units' people get a 站内消息 (已采用).
        write: ['ITEM#*', 'LEDGER#*', 'BULLETIN#*', 'COUNTER#SERIES#*', 'OUTBOX#*', ...messageDelivery.write],
        update: [counters, 'SETTINGS', rateCounters],
        query: { gsi1: ['BULLETINS#*'], gsi2: ['PUBLISHED#*', ...messageDelivery.query.gsi2] },
      },
      attachments: 'readwrite',
      archive: 'readwrite',
      // The mailer for the leaders' mail; the Word renderer for the issue's .docx.
      invokes: ['mailer', 'word-renderer'],
    },
  },
  inbox: {
    entry: 'functions/inbox/handler.ts',
    description: '站内消息 (in-app messages): list own, unread count, mark read',
    memoryMb: 256,
    timeoutSeconds: 29,
    // A caller's own messages only: its inbox partition (INBOX#<personId>), listed by time on gsi1
    // and, while unread, on the sparse gsi2 (UNREAD#<personId>); marking read updates the row.
    // The person's message settings (INBOX#<personId> / PREFS) are put there too.
    access: { table: { write: ['INBOX#*'], query: { gsi1: ['INBOX#*'], gsi2: ['UNREAD#*'] } } },
  },
  'word-renderer': {
    entry: 'functions/word-renderer/handler.ts',
    description:
      'Word renderer: a bulletin in, its .docx out; invoked synchronously by publishing, so docx loads only when a Word file is made',
    memoryMb: 1024,
    timeoutSeconds: 20,
    // Renders only: the publishing function stores what it answers.
    access: {},
  },
  policy: {
    entry: 'functions/policy/handler.ts',
    description:
      'Scoring policy (考核办法): view and store versioned yearly policies; replay a year under it',
    memoryMb: 256,
    timeoutSeconds: 29,
    access: {
      table: {
        read: ['UNITS', 'ITEM#*', 'BULLETIN#*'],
        write: ['POLICY#*', 'REPLAY#*', 'LEDGER#*'],
        update: [counters],
        query: { gsi2: ['PUBLISHED#*'], gsi3: ['SCORING#*'] },
      },
    },
  },
  mailer: {
    entry: 'functions/mailer/handler.ts',
    description:
      'Sends queued mail (urgent-item alerts) from the outbox; invoked at once and swept on a schedule',
    memoryMb: 256,
    timeoutSeconds: 60,
    access: {
      table: {
        read: ['UNITS', 'SETTINGS', 'ITEM#*', 'BULLETIN#*'],
        // Marks queued mail sent or failed; it queues none itself.
        update: ['OUTBOX#*'],
        query: { gsi3: ['OUTBOX#pending'] },
      },
      mail: true,
    },
  },
  'lsh-indexer': {
    entry: 'functions/lsh-indexer/handler.ts',
    description:
      'Near-duplicate index: writes the LSH bucket rows of new signatures; invoked after each submission and swept on a schedule',
    memoryMb: 256,
    timeoutSeconds: 60,
    access: {
      table: {
        // Reads the signatures, writes their bucket rows (BatchWrite), clears the pending marks.
        read: ['DUPSIG#*'],
        batchGet: ['DUPSIG#*'],
        batchWrite: ['LSH#*'],
        update: ['DUPSIG#*'],
        query: { gsi3: ['DUPSIG#pending'] },
      },
    },
  },
  facts: {
    entry: 'functions/facts/handler.ts',
    description:
      'Upper-level facts: forwarded, upper-level adoptions, 批示 and feedback, scored in one transaction',
    memoryMb: 256,
    timeoutSeconds: 29,
    access: {
      table: {
        read: ['UNITS', 'POLICY#*'],
        write: [...scoredFactWrites, 'IDEMPOTENCY#*'],
        update: [counters],
        delete: ['IDEMPOTENCY#*'],
      },
    },
  },
  scores: {
    entry: 'functions/scores/handler.ts',
    description: 'Rankings from per-unit per-period counters (JSON, CSV, XLSX) and unit ledgers',
    memoryMb: 512,
    timeoutSeconds: 29,
    // Reads the scores, and the people's records for the 先进个人 ranking's names (BatchGet); writes
    // only its callers' rate-limit counters (the rankings download).
    access: { table: { ...scoreReads, batchGet: ['PERSON#*'], update: [rateCounters] } },
  },
  'month-close': {
    entry: 'functions/jobs/month-close/handler.ts',
    description: 'Month close: quota lines and missed 约稿 lines for the month just ended, once per unit',
    memoryMb: 512,
    timeoutSeconds: 300,
    access: {
      table: {
        read: ['UNITS', 'POLICY#*', 'COMMISSION#*'],
        write: ['LEDGER#*', 'SCOREFACT#*', 'COMMISSION#*'],
        update: [counters],
        // The year's 约稿 by deadline; the month's stored facts (keys only) on the year's scoring partition.
        query: { gsi3: ['COMMISSIONS#*', 'SCORING#*'] },
      },
    },
  },
  'ranking-notice': {
    entry: 'functions/jobs/ranking-notice/handler.ts',
    description:
      'Monthly ranking notice (采用情况通报): stored, published to the archive, mailed once per address',
    memoryMb: 512,
    timeoutSeconds: 300,
    access: {
      // It closes the month first (the month-close use case), so it also writes what that writes.
      table: {
        ...mailJobAccess,
        read: [...mailJobAccess.read, 'COMMISSION#*'],
        write: [
          ...mailJobAccess.write,
          'RANKINGNOTICES',
          'SETTINGS',
          'LEDGER#*',
          'SCOREFACT#*',
          'COMMISSION#*',
        ],
        update: [counters],
        query: { ...mailJobAccess.query, gsi3: [...mailJobAccess.query.gsi3, 'SCORING#*'] },
      },
      archive: 'readwrite',
      mail: true,
    },
  },
  'overdue-report': {
    entry: 'functions/jobs/overdue-report/handler.ts',
    description:
      'Weekly overdue-unit report mailed to leaders and reminders to red/amber units, once per week',
    memoryMb: 512,
    timeoutSeconds: 300,
    // 批示 feedback past due also becomes a 站内消息 for the unit's people.
    access: {
      table: {
        ...mailJobAccess,
        write: [...mailJobAccess.write, 'OVERDUEWEEKS', ...messageDelivery.write],
        query: { ...mailJobAccess.query, gsi2: [...mailJobAccess.query.gsi2, ...messageDelivery.query.gsi2] },
      },
      mail: true,
    },
  },
  'commission-reminders': {
    entry: 'functions/jobs/commission-reminders/handler.ts',
    description: '约稿 reminders: units that have not answered a commission due within 3 days, once each',
    memoryMb: 256,
    timeoutSeconds: 300,
    // Each reminder is also a 站内消息 for the unit's people.
    access: {
      table: {
        ...mailJobAccess,
        write: [...mailJobAccess.write, ...messageDelivery.write],
        query: { ...mailJobAccess.query, gsi2: [...mailJobAccess.query.gsi2, ...messageDelivery.query.gsi2] },
      },
      mail: true,
    },
  },
  'leader-digest': {
    entry: 'functions/jobs/leader-digest/handler.ts',
    description:
      'Leader digest (领导摘要): daily or weekly per recipient, quiet when empty, once per address and period',
    memoryMb: 512,
    timeoutSeconds: 300,
    access: {
      table: {
        ...mailJobAccess,
        query: { ...mailJobAccess.query, gsi3: [...mailJobAccess.query.gsi3, 'ITEMS#*'] },
      },
      mail: true,
    },
  },
  'message-mail': {
    entry: 'functions/jobs/message-mail/handler.ts',
    description:
      '站内消息 e-mail copies for the people who asked: a 退回修改 at once (every 5 minutes), the rest in one daily digest at 17:00',
    memoryMb: 256,
    timeoutSeconds: 120,
    access: {
      table: {
        // The waiting messages (sparse gsi3), each person's setting and address; a mailed message
        // leaves the queue (an update of its row); sent-mail markers as every mail job keeps them.
        read: ['PERSON#*'],
        update: ['INBOX#*'],
        write: ['JOBMAIL#*'],
        delete: ['JOBMAIL#*'],
        query: { gsi3: ['MSGMAIL#pending'] },
      },
      mail: true,
    },
  },
  'search-compaction': {
    entry: 'functions/jobs/search-compaction/handler.ts',
    description:
      'Nightly archive search compaction: folds the issues published since the last run into the newest year',
    memoryMb: 1024,
    timeoutSeconds: 300,
    access: {
      // The archive publisher's reads (published issues by year, the archive's years and series
      // rows); it writes only search objects in the archive bucket.
      table: { read: ['SETTINGS'], query: { gsi2: ['PUBLISHED#*'] } },
      archive: 'readwrite',
    },
  },
  heartbeat: {
    entry: 'functions/jobs/heartbeat/handler.ts',
    description: 'Scheduler heartbeat: records each scheduled run so /health can show the scheduler is alive',
    memoryMb: 256,
    timeoutSeconds: 30,
    access: { table: { write: ['JOB#*'] } },
  },
} as const satisfies Record<string, FunctionDeclaration>;

export type FunctionName = keyof typeof functions;
export const functionNames = Object.keys(functions) as FunctionName[];
