/**
 * The scheduled jobs against the local DynamoDB, S3 and SES emulators: the ranking notice stored,
 * published to the archive bucket and mailed; the overdue report with a 批示 past its feedback date,
 * the duty recipients and the escalation to a unit head; the 约稿 reminder; the digest's rank
 * movement. Each job runs twice and every address holds exactly one copy.
 */
import { randomUUID } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { commissionReminderDeps } from '#functions/jobs/commission-reminders/deps';
import { sendCommissionReminders } from '#functions/jobs/commission-reminders/use-case';
import type { DigestDeps } from '#functions/jobs/leader-digest/deps';
import { digestDeps } from '#functions/jobs/leader-digest/deps';
import { sendLeaderDigest } from '#functions/jobs/leader-digest/use-case';
import { monthCloseDeps } from '#functions/jobs/month-close/deps';
import { overdueJobDeps } from '#functions/jobs/overdue-report/deps';
import { isoWeekOf, sendOverdueReport } from '#functions/jobs/overdue-report/use-case';
import { mailJobDeps, type RankingJobDeps } from '#functions/jobs/ranking-notice/deps';
import { sendRankingNotice } from '#functions/jobs/ranking-notice/use-case';
import { StaticArchivePublisher } from '#shared/archive/publisher';
import { monthOf } from '#shared/domain/periods';
import { previousPeriod } from '#shared/domain/ranking';
import type { Unit } from '#shared/schemas/units';
import type { TableRef } from '#shared/store/dynamo/client';
import { DynamoCommissionStore } from '#shared/store/dynamo/commissions';
import { factKeys } from '#shared/store/dynamo/facts';
import { counterUpdates, ledgerPuts } from '#shared/store/dynamo/ledger';
import { DynamoOverdueWeekStore } from '#shared/store/dynamo/overdue-weeks';
import { DynamoRankingNoticeStore } from '#shared/store/dynamo/ranking-notices';
import { DynamoSettingsStore } from '#shared/store/dynamo/settings';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import { S3ArchiveObjects } from '#shared/store/s3/archive-objects';
import { SesMailSender } from '#shared/store/ses/mail-sender';
import { localS3Client, localS3HttpClient } from '../../../infra/local/aws';
import { ensureBucket } from '../../../infra/local/provision';
import { freshTable, localSes, mailbox, type StoredMail } from '../mail/support';

const run = randomUUID().slice(0, 8);
const address = (who: string) => `${who}-${run}@example.gov.cn`;
const from = 'xinbao@localhost';
const bucket = `jobs-${run}`;
const now = new Date();
const thisMonth = monthOf(now);
const lastMonth = previousPeriod(thisMonth) ?? '';
const dayMs = 86_400_000;

let table: TableRef;
const sender = () => new SesMailSender({ from }, localSes(inject('sesEndpoint')));
const s3 = () => localS3Client(inject('s3Endpoint'));

function unitOf(
  id: string,
  name: string,
  unitClass: 'county' | 'department',
  extra: Partial<Unit> = {},
): Unit {
  const at = '2026-01-05T00:00:00.000Z';
  return {
    id: `${id}-${run}`,
    name,
    class: unitClass,
    contacts: [{ name: '信息员', phone: '0536-8201234', email: address(id) }],
    active: true,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...extra,
  };
}

const linqu = unitOf('linqu', '临朐县', 'county', { headEmail: address('linqu-head') });
const qingzhou = unitOf('qingzhou', '青州市', 'county', {
  lastSubmittedAt: new Date(now.getTime() - dayMs).toISOString(),
});
const fgw = unitOf('fgw', '市发展和改革委员会', 'department');

/** A unit's counters of a period, added as the app's transactions add them. */
async function counters(period: string, unit: Unit, figures: Record<string, number>) {
  await table.client.send(
    new TransactWriteCommand({
      TransactItems: counterUpdates(table.tableName, [
        { unitId: unit.id, unitClass: unit.class, period, add: figures },
      ]),
    }),
  );
}

/** Messages of this run in the emulator's mailbox for one address, of one kind (subject prefix). */
async function mailsTo(to: string, subject = ''): Promise<StoredMail[]> {
  return (await mailbox(inject('sesEndpoint'))).filter(
    (mail) => mail.destination.to.includes(to) && mail.subject.startsWith(subject),
  );
}

function show(label: string, mail: StoredMail | undefined) {
  console.log(`\n=== ${label}\nSubject: ${mail?.subject}\n${mail?.body.text}`);
}

beforeAll(async () => {
  table = await freshTable(inject('dynamodbEndpoint'));
  await ensureBucket(s3(), bucket);
  const units = new DynamoUnitStore(table);
  for (const unit of [linqu, qingzhou, fgw]) await units.create(unit);
  const settings = new DynamoSettingsStore(table);
  await settings.putLeaderRecipients(
    { recipients: [{ name: '王市长', email: address('mayor'), bulletins: true, digest: 'daily' }] },
    'tok-admin',
    now.toISOString(),
  );
  await settings.putDutyRecipients(
    { recipients: [{ name: '信息科值班', email: address('duty') }] },
    'tok-admin',
    now.toISOString(),
  );
  // Last month: 临朐 first, 青州 second; this month so far the other way round.
  await counters(lastMonth, linqu, {
    submitted: 8,
    adopted: 5,
    upperAdopted: 1,
    instructions: 1,
    points: 23.5,
  });
  await counters(lastMonth, qingzhou, { submitted: 5, adopted: 2, points: 6 });
  await counters(lastMonth, fgw, { submitted: 1, adopted: 0, points: -2 });
  await counters(thisMonth, linqu, { submitted: 1, adopted: 0, points: 0 });
  await counters(thisMonth, qingzhou, { submitted: 6, adopted: 3, points: 9 });
  await counters(thisMonth.slice(0, 4), linqu, { submitted: 9, adopted: 5, instructions: 1, points: 23.5 });

  // A 批示 on 临朐's item, feedback due ten days ago, none recorded: as the fact store writes it.
  const itemId = `it_${run}0000000000000000`;
  const date = new Date(now.getTime() - 20 * dayMs).toISOString().slice(0, 10);
  const due = new Date(now.getTime() - 10 * dayMs).toISOString().slice(0, 10);
  const instructionId = `in_${run}0000000000000000`;
  const at = `${date}T04:00:00.000Z`;
  await table.client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table.tableName,
            Item: {
              ...factKeys.instruction(itemId, instructionId),
              type: 'fact',
              kind: 'instruction',
              itemId,
              instructionId,
              leader: '张市长',
              level: 'city',
              date,
              text: '经验做法很好，请总结推广。',
              feedbackDue: due,
              units: [linqu.id],
              recordedAt: at,
              recordedBy: 'tok-editor',
            },
          },
        },
        ...ledgerPuts(table.tableName, [
          {
            unitId: linqu.id,
            source: 'item',
            refId: itemId,
            rule: 'instruction:city',
            policyVersion: 1,
            points: 5,
            reason: '市领导张市长批示 +5',
            at,
          } as Parameters<typeof ledgerPuts>[1][number],
        ]),
      ],
    }),
  );
});

afterAll(() => table?.client.destroy());

describe('ranking notice', () => {
  it('stores the month, publishes the chart page to the bucket, mails each address once', async () => {
    const objects = new S3ArchiveObjects(localS3HttpClient(inject('s3Endpoint')), bucket);
    const base = mailJobDeps(table, sender());
    const deps: RankingJobDeps = {
      ...base,
      monthClose: monthCloseDeps(table),
      notices: new DynamoRankingNoticeStore(table),
      archive: new StaticArchivePublisher({
        bulletins: { get: async () => undefined, ofYear: async () => [], years: async () => [] },
        objects,
        isArchivedSeries: () => true,
        officeName: '潍坊市人民政府办公室',
      }),
      archiveUrl: 'http://localhost:4001/',
    };
    const first = await sendRankingNotice(deps, now.toISOString(), lastMonth);
    const second = await sendRankingNotice(deps, now.toISOString(), lastMonth);
    expect(first).toMatchObject({ closeLines: 3, recipients: 4, sent: 4, failed: 0 });
    expect(second).toMatchObject({ closeLines: 0, sent: 0, skipped: 4 });

    const stored = await new DynamoRankingNoticeStore(table).get(lastMonth);
    expect(
      stored?.rankings.find((ranking) => ranking.unitClass === 'county')?.rows.map((row) => row.name),
    ).toEqual(['临朐县', '青州市']);
    // The month was closed before the notice was made: its quota lines are in the notice for good.
    const points = stored?.rankings.flatMap((ranking) => ranking.rows).map((row) => [row.name, row.points]);
    expect(points).toEqual(
      expect.arrayContaining([
        ['临朐县', 33.5],
        ['青州市', 16],
        ['市发展和改革委员会', -4],
      ]),
    );
    expect(await new DynamoRankingNoticeStore(table).months()).toEqual([lastMonth]);
    // Written once: a second save (a racing run) gets the stored notice back, unchanged.
    const raced = await new DynamoRankingNoticeStore(table).saveOnce({
      month: lastMonth,
      rankings: [],
      createdAt: now.toISOString(),
    });
    expect(raced).toEqual(stored);
    const page = await (
      await s3().send(new GetObjectCommand({ Bucket: bucket, Key: `rankings/${lastMonth}.html` }))
    ).Body?.transformToString();
    expect(page).toContain('<svg role="img"');
    // 23.5 points of adoptions and 批示 and the county quota's 10, written by the month close first.
    expect(page).toContain('33.5分');
    const index = await (
      await s3().send(new GetObjectCommand({ Bucket: bucket, Key: 'rankings/index.html' }))
    ).Body?.transformToString();
    expect(index).toContain(`href="../rankings/${lastMonth}.html"`);

    const mails = await mailsTo(address('mayor'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain(`http://localhost:4001/rankings/${lastMonth}.html`);
    show('采用情况通报', mails[0]);
  });
});

describe('overdue report', () => {
  it('names the overdue 批示, reaches duty and leaders, escalates to the head after two red weeks, once', async () => {
    const deps = overdueJobDeps(table, sender());
    const scheduled = now.toISOString();
    const week = isoWeekOf(now);
    await new DynamoOverdueWeekStore(table).recordOnce(
      isoWeekOf(new Date(now.getTime() - 7 * dayMs)),
      { [linqu.id]: 'red', [qingzhou.id]: 'green' },
      scheduled,
    );
    const first = await sendOverdueReport(deps, scheduled);
    const second = await sendOverdueReport(deps, scheduled);
    expect(first).toMatchObject({ escalated: 1, escalationsSent: 1, failed: 0 });
    expect(second).toMatchObject({ sent: 0, escalationsSent: 0 });
    expect((await new DynamoOverdueWeekStore(table).colours(week))?.[linqu.id]).toBe('red');

    const full = '政务信息报送督办通报';
    for (const who of ['mayor', 'duty']) expect(await mailsTo(address(who), full)).toHaveLength(1);
    expect(await mailsTo(address('linqu'), '【督办提醒】')).toHaveLength(1);
    expect(await mailsTo(address('linqu-head'))).toHaveLength(1);
    const [report] = await mailsTo(address('duty'), full);
    expect(report?.body.text).toContain('张市长批示');
    const [reminder] = await mailsTo(address('linqu'), '【督办提醒】');
    expect(reminder?.body.text).toMatch(/批示落实反馈逾期未报：张市长批示（应于\d+月\d+日前反馈）/);
    const [escalation] = await mailsTo(address('linqu-head'));
    expect(escalation?.subject).toBe('【督办升级】临朐县连续两周报送情况为红色');
    show('督办通报（全文）', report);
    show('督办提醒', reminder);
    show('督办升级', escalation);
  });
});

describe('约稿 reminders', () => {
  it('reminds the units that have not answered a 约稿 due within 3 days, once', async () => {
    const commissions = new DynamoCommissionStore(table);
    const deadline = new Date(now.getTime() + 2 * dayMs);
    await commissions.create(
      {
        commissionId: `cm_${run}`,
        topic: '冬季清洁取暖工作进展',
        requirements: '围绕清洁取暖改造、保供稳价，突出做法和成效。\n1500字以内。',
        deadline: deadline.toISOString(),
        year: Number(monthOf(deadline).slice(0, 4)),
        targetAll: false,
        unitCount: 2,
        createdAt: now.toISOString(),
        createdBy: 'tok-editor',
      },
      [qingzhou.id, fgw.id],
    );
    const deps = commissionReminderDeps(table, sender());
    const first = await sendCommissionReminders(deps, now.toISOString());
    const second = await sendCommissionReminders(deps, now.toISOString());
    expect(first).toMatchObject({ commissions: 1, units: 2, sent: 2, failed: 0 });
    expect(second).toMatchObject({ sent: 0, skipped: 2 });
    expect(await mailsTo(address('linqu'), '【约稿提醒】')).toEqual([]);
    expect(await mailsTo(address('qingzhou'), '【约稿提醒】')).toHaveLength(1);
    const [reminder, ...more] = await mailsTo(address('fgw'), '【约稿提醒】');
    expect(more).toEqual([]);
    expect(reminder?.subject).toMatch(/^【约稿提醒】“冬季清洁取暖工作进展”\d+月\d+日截止$/);
    show('约稿提醒', reminder);
  });
});

describe('leader digest', () => {
  it('adds the month’s rank movement, from the counters, and sends once', async () => {
    const deps: DigestDeps = digestDeps(table, sender());
    const first = await sendLeaderDigest(deps, now.toISOString());
    const second = await sendLeaderDigest(deps, now.toISOString());
    expect(first.runs[0]).toMatchObject({ frequency: 'daily', empty: false, sent: 1 });
    expect(second.runs[0]).toMatchObject({ sent: 0, skipped: 1 });
    const [digest, ...more] = await mailsTo(address('mayor'), '信报每日摘要');
    expect(more).toEqual([]);
    const month = Number(monthOf(new Date(now.getTime() - dayMs)).slice(5, 7));
    expect(digest?.body.text).toContain(`${month}月排名变化（截至目前，与上月比）`);
    show('领导每日摘要', digest);
  });
});
