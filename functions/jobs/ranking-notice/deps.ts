/**
 * Wiring shared by the mail-sending jobs: the scores use cases' dependencies (the same stores the
 * scores API reads), leader recipients, the SES sender and the sent-mail markers.
 */
import type { CommissionWithRows, ScoresDeps } from '#functions/scores/deps';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import { logger } from '#shared/http/logger';
import { periodCounts, periodRows } from '#shared/store/dynamo/aggregates';
import { DynamoBulletinStore } from '#shared/store/dynamo/bulletins';
import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import { DynamoJobMailStore, type JobMailDeps } from '#shared/store/dynamo/job-mail';
import { ledgerOf } from '#shared/store/dynamo/ledger';
import { DynamoPolicyStore } from '#shared/store/dynamo/policy';
import { DynamoSettingsStore } from '#shared/store/dynamo/settings';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { LeaderRecipientsStore } from '#shared/store/ports';
import type { MailSender } from '#shared/store/ses/mail-sender';

export interface MailJobDeps extends JobMailDeps {
  scores: ScoresDeps;
  leaders: Pick<LeaderRecipientsStore, 'getLeaderRecipients'>;
}

export function scoresDeps(table: TableRef): ScoresDeps {
  const policies = new DynamoPolicyStore(table);
  const commissions = new DynamoCommissionStore(table);
  const bulletins = new DynamoBulletinStore(table);
  return {
    units: new DynamoUnitStore(table),
    counts: (period) => periodCounts(table, period),
    rows: (period) => periodRows(table, period),
    publishedIssues: (year) => bulletins.ofYear(year),
    ledger: (unitId, from, to) => ledgerOf(table, unitId, from, to),
    policy: async (year) => (await policies.latest(year)) ?? defaultPolicy(year),
    commissionsOfYear: async (year): Promise<CommissionWithRows[]> => {
      const list = await commissions.ofYear(year);
      const full = await Promise.all(list.map((commission) => commissions.get(commission.commissionId)));
      return full.flatMap((entry) =>
        entry
          ? [{ topic: entry.commission.topic, deadline: entry.commission.deadline, rows: entry.units }]
          : [],
      );
    },
    now: () => new Date(),
  };
}

export function mailJobDeps(table: TableRef, sender: MailSender): MailJobDeps {
  return {
    scores: scoresDeps(table),
    leaders: new DynamoSettingsStore(table),
    marks: new DynamoJobMailStore(table),
    sender,
    now: () => new Date(),
    log: { warn: (message, extra) => logger.warn(message, extra) },
  };
}
