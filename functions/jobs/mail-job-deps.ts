/**
 * Wiring shared by the mail-sending jobs: the scores use cases' dependencies (the same stores the
 * scores API reads), leader and duty recipients, the SES sender and the sent-mail markers. Apart
 * from the ranking job's own wiring, so that no other job bundles the archive publisher.
 */
import { commissionsOfYear } from '#functions/scores/commissions-of-year';
import type { ScoresDeps } from '#functions/scores/deps';
import { sharedWhileRunning } from '#shared/domain/at-once';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import { logger } from '#shared/http/logger';
import { sharedCounterReads } from '#shared/store/dynamo/aggregates';
import { DynamoBulletinStore } from '#shared/store/dynamo/bulletins';
import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import { DynamoFactStore } from '#shared/store/dynamo/facts';
import { DynamoJobMailStore, type JobMailDeps } from '#shared/store/dynamo/job-mail';
import { ledgerOf } from '#shared/store/dynamo/ledger';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import { DynamoSettingsStore } from '#shared/store/dynamo/settings';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { LeaderRecipientsStore, SettingsStore } from '#shared/store/ports';
import type { MailSender } from '#shared/store/ses/mail-sender';

export interface MailJobDeps extends JobMailDeps {
  scores: ScoresDeps;
  leaders: Pick<LeaderRecipientsStore, 'getLeaderRecipients'>;
  /** The office's 值班 / 信息科 addresses. */
  duty: Pick<SettingsStore, 'getDutyRecipients'>;
}

/**
 * The unit store, its list read once by the parts of a job that ask for it at the same moment
 * (the report and its recipients, the month close and the notice's recipients).
 */
class JobUnitStore extends DynamoUnitStore {
  private readonly sharedList = sharedWhileRunning(() => super.list());
  override list() {
    return this.sharedList();
  }
}

export function scoresDeps(table: TableRef): ScoresDeps {
  const policies = new DynamoPolicyStore(table);
  const commissions = new DynamoCommissionStore(table);
  const bulletins = new DynamoBulletinStore(table);
  const facts = new DynamoFactStore(table);
  // A report reading a month's and its year's counters at once makes one Query of the year's rows.
  const counters = sharedCounterReads(table);
  return {
    units: new JobUnitStore(table),
    counts: counters.counts,
    countsWithPrevious: counters.countsWithPrevious,
    rows: counters.rows,
    publishedIssues: (year) => bulletins.ofYear(year),
    ledger: (unitId, from, to) => ledgerOf(table, unitId, from, to),
    policy: async (year) => (await policies.latest(year)) ?? defaultPolicy(year),
    commissionsOfYear: commissionsOfYear(commissions),
    instructionsOfItem: async (itemId) => (await facts.ofItem(itemId)).instructions,
    now: () => new Date(),
  };
}

export function mailJobDeps(table: TableRef, sender: MailSender): MailJobDeps {
  const settings = new DynamoSettingsStore(table);
  return {
    scores: scoresDeps(table),
    leaders: settings,
    duty: settings,
    marks: new DynamoJobMailStore(table),
    sender,
    now: () => new Date(),
    log: { warn: (message, extra) => logger.warn(message, extra) },
  };
}
