/**
 * Jobs under failure: the monthly ranking notice against the real local store while SES refuses
 * every 3rd message. The run reports exactly those failures, the mailbox holds exactly the accepted
 * messages, a rerun with SES healthy sends exactly the missing ones, and nobody gets two copies.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { monthCloseDeps } from '#functions/jobs/month-close/deps';
import { mailJobDeps, type RankingJobDeps } from '#functions/jobs/ranking-notice/deps';
import { rankingJob, sendRankingNotice } from '#functions/jobs/ranking-notice/use-case';
import type { Unit } from '#shared/schemas/units';
import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoJobMailStore } from '#shared/store/dynamo/job-mail';
import { DynamoRankingNoticeStore } from '#shared/store/dynamo/ranking-notices';
import { DynamoSettingsStore } from '#shared/store/dynamo/settings';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { SesMailSender } from '#shared/store/ses/mail-sender';
import { freshTable, localSes, mailbox } from '../integration/mail/support';
import { refuseEveryNth } from './support/jobs-ses';

const run = randomUUID().slice(0, 8);
const address = (who: string) => `${who}-${run}@example.gov.cn`;
const from = 'xinbao@localhost';
/** A finished month before the test's real clock, so the job accepts it. */
const month = (() => {
  const now = new Date();
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return previous.toISOString().slice(0, 7);
})();
const scheduledTime = new Date().toISOString();

let table: TableRef;
/** The ranking job against the local store; the archive page is not what this test is about. */
const rankingDeps = (sender: SesMailSender): RankingJobDeps => ({
  ...mailJobDeps(table, sender),
  monthClose: monthCloseDeps(table),
  notices: new DynamoRankingNoticeStore(table),
  archive: { rankingNoticePublished: async (noticeMonth) => [`rankings/${noticeMonth}.html`] },
});
const expected = new Set<string>();

function unitOf(index: number, contacts: number, active = true): Unit {
  const at = '2026-01-05T00:00:00.000Z';
  return {
    id: `unit${index}-${run}`,
    name: `测试单位${index}`,
    class: index % 3 === 0 ? 'department' : 'county',
    contacts: Array.from({ length: contacts }, (_, n) => ({
      name: `信息员${n + 1}`,
      phone: '0536-8201234',
      email: address(`u${index}c${n}`),
    })),
    active,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** Messages of this run in the emulator's mailbox, by recipient. */
async function copiesByRecipient(): Promise<Map<string, number>> {
  const copies = new Map<string, number>();
  for (const mail of await mailbox(inject('sesEndpoint'))) {
    for (const to of mail.destination.to) {
      if (to.includes(run)) copies.set(to, (copies.get(to) ?? 0) + 1);
    }
  }
  return copies;
}

beforeAll(async () => {
  table = await freshTable(inject('dynamodbEndpoint'));
  const units = new DynamoUnitStore(table);
  // 30 active units with 1–2 contacts, one inactive unit (never mailed), 4 leaders.
  const active = Array.from({ length: 30 }, (_, index) => unitOf(index, 1 + (index % 2)));
  await Promise.all([...active, unitOf(99, 2, false)].map((unit) => units.create(unit)));
  for (const unit of active) for (const contact of unit.contacts) expected.add(contact.email);
  const leaders = ['leader1', 'leader2', 'leader3', 'leader4'].map((who) => ({
    name: who,
    email: address(who),
    bulletins: true,
    digest: 'weekly' as const,
  }));
  for (const leader of leaders) expected.add(leader.email);
  await new DynamoSettingsStore(table).putLeaderRecipients(
    { recipients: leaders },
    'tok-admin',
    scheduledTime,
  );
});

afterAll(() => table?.client.destroy());

describe('monthly ranking notice while SES refuses every 3rd message', () => {
  it('reports the refusals, then a healthy rerun sends exactly the missing ones, once each', async () => {
    const refusing = refuseEveryNth(localSes(inject('sesEndpoint')), 3);
    const first = await sendRankingNotice(
      rankingDeps(new SesMailSender({ from }, refusing.client)),
      scheduledTime,
      month,
    );
    const refusals = refusing.refused.length;
    console.log(
      `jobs: ${expected.size} recipients; first run sent ${first.sent}, failed ${first.failed} (SES refused ${refusals})`,
    );
    expect(refusing.attempted).toHaveLength(expected.size);
    expect(refusals).toBe(Math.floor(expected.size / 3));
    expect(first).toMatchObject({ job: rankingJob, period: month, recipients: expected.size, skipped: 0 });
    expect(first.failed).toBe(refusals);
    expect(first.sent).toBe(expected.size - refusals);

    const accepted = refusing.attempted.filter((to) => !refusing.refused.includes(to));
    const afterFirst = await copiesByRecipient();
    expect([...afterFirst.keys()].sort()).toEqual([...accepted].sort());
    expect([...afterFirst.values()].every((copies) => copies === 1)).toBe(true);

    const healthy = refuseEveryNth(localSes(inject('sesEndpoint')), Number.POSITIVE_INFINITY);
    const second = await sendRankingNotice(
      rankingDeps(new SesMailSender({ from }, healthy.client)),
      scheduledTime,
      month,
    );
    console.log(`jobs: rerun sent ${second.sent}, skipped ${second.skipped}, failed ${second.failed}`);
    expect(second).toMatchObject({ sent: refusals, failed: 0, skipped: expected.size - refusals });
    expect([...healthy.attempted].sort()).toEqual([...refusing.refused].sort());

    const final = await copiesByRecipient();
    const duplicates = [...final].filter(([, copies]) => copies !== 1);
    console.log(
      `jobs: ${final.size} of ${expected.size} recipients hold a copy; ${duplicates.length} hold two or more`,
    );
    expect([...final.keys()].sort()).toEqual([...expected].sort());
    expect(duplicates).toEqual([]);
    expect(await new DynamoJobMailStore(table).sentCount(rankingJob, month)).toBe(expected.size);

    // A third run finds everyone served and sends nothing.
    const third = await sendRankingNotice(
      rankingDeps(new SesMailSender({ from }, healthy.client)),
      scheduledTime,
      month,
    );
    expect(third).toMatchObject({ sent: 0, failed: 0, skipped: expected.size });
    expect(healthy.attempted).toHaveLength(refusals);
  });
});
