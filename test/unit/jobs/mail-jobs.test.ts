import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { isoWeekOf, sendOverdueReport } from '#functions/jobs/overdue-report/use-case';
import type { MailJobDeps } from '#functions/jobs/ranking-notice/deps';
import { noticePeriod, sendRankingNotice } from '#functions/jobs/ranking-notice/use-case';
import type { PeriodCounts } from '#shared/domain/ranking';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import { renderOverdueReminder } from '#shared/mail/overdue';
import { renderRankingNotice } from '#shared/mail/ranking-notice';
import type { Unit } from '#shared/schemas/units';
import { documentClient } from '#shared/store/dynamo/client';
import { DynamoJobMailStore, type JobMailStore, jobMailKey } from '#shared/store/dynamo/job-mail';
import { SesMailSender } from '#shared/store/ses/mail-sender';

const ses = mockClient(SESClient);
const dynamo = mockClient(DynamoDBDocumentClient);

/** The marker store's contract in memory (conditional claim, release only while claimed). */
class MemoryMarks implements JobMailStore {
  readonly rows = new Map<string, { status: 'claimed' | 'sent'; messageId?: string }>();
  private key(job: string, period: string, email: string) {
    const { pk, sk } = jobMailKey(job, period, email);
    return `${pk}|${sk}`;
  }
  async claim(job: string, period: string, email: string) {
    const key = this.key(job, period, email);
    if (this.rows.has(key)) return false;
    this.rows.set(key, { status: 'claimed' });
    return true;
  }
  async markSent(job: string, period: string, email: string, messageId: string) {
    this.rows.set(this.key(job, period, email), { status: 'sent', messageId });
  }
  async release(job: string, period: string, email: string) {
    const key = this.key(job, period, email);
    if (this.rows.get(key)?.status === 'claimed') this.rows.delete(key);
  }
  async sentCount(job: string, period: string) {
    const prefix = `${jobMailKey(job, period, '').pk}|`;
    return [...this.rows].filter(([key, row]) => key.startsWith(prefix) && row.status === 'sent').length;
  }
}

const unit = (
  id: string,
  name: string,
  unitClass: 'county' | 'department',
  emails: string[],
  active = true,
) =>
  ({
    id,
    name,
    class: unitClass,
    active,
    contacts: emails.map((email, index) => ({ name: `联系人${index + 1}`, phone: '0536-1234567', email })),
  }) as Unit;

const units: Unit[] = [
  unit('linqu', '临朐县', 'county', ['a@linqu.gov.cn', 'b@linqu.gov.cn']),
  unit('qingzhou', '青州市', 'county', ['c@qingzhou.gov.cn']),
  unit('fgw', '市发改委', 'department', ['D@fgw.gov.cn', 'shared@city.gov.cn']),
  unit('old', '撤并单位', 'department', ['old@city.gov.cn'], false),
];
const leaders = ['leader1@city.gov.cn', 'Shared@city.gov.cn'];

const counts = (submitted: number, adopted: number, points: number): PeriodCounts => ({
  submitted,
  adopted,
  upperAdopted: 0,
  instructions: 0,
  points,
});

let marks: MemoryMarks;
let deps: MailJobDeps;
const now = new Date('2026-11-01T01:00:05.000Z');

function perRecipient(): Map<string, number> {
  const result = new Map<string, number>();
  for (const call of ses.commandCalls(SendEmailCommand)) {
    const to = (call.args[0].input.Destination?.ToAddresses?.[0] ?? '').toLowerCase();
    result.set(to, (result.get(to) ?? 0) + 1);
  }
  return result;
}

beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
  marks = new MemoryMarks();
  deps = {
    scores: {
      units: { list: async () => units } as MailJobDeps['scores']['units'],
      counts: async (period) =>
        new Map(
          period === '2026-10'
            ? [
                ['linqu', counts(10, 4, 12)],
                ['fgw', counts(3, 0, 2)],
              ]
            : [['qingzhou', counts(1, 1, 3)]],
        ),
      rows: async () => new Map(),
      publishedIssues: async () => [],
      ledger: async () => [],
      policy: async (year) => defaultPolicy(year),
      commissionsOfYear: async () => [],
      now: () => now,
    },
    leaders: {
      getLeaderRecipients: async () => ({
        recipients: leaders.map((email, index) => ({
          name: `领导${index + 1}`,
          email,
          bulletins: true,
          digest: 'off' as const,
        })),
      }),
    },
    marks,
    sender: new SesMailSender({ from: 'xinbao@example.gov.cn' }, new SESClient({})),
    now: () => now,
  };
});

describe('ranking job', () => {
  it('defaults to the month before the scheduled time in Shanghai', () => {
    expect(noticePeriod('2026-10-31T17:00:00Z')).toBe('2026-10');
    expect(noticePeriod('2026-01-01T01:00:00Z')).toBe('2025-12');
    expect(() => noticePeriod('2026-11-01T01:00:00Z', '2026-13')).toThrow(/格式不对/);
  });

  it('refuses a month that has not finished', async () => {
    await expect(sendRankingNotice(deps, now.toISOString(), '2026-11')).rejects.toThrow(/尚未结束/);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('mails leaders and active units once per address; a second run sends nothing', async () => {
    const first = await sendRankingNotice(deps, now.toISOString());
    expect(first).toEqual({
      job: 'ranking',
      period: '2026-10',
      recipients: 6,
      sent: 6,
      skipped: 0,
      failed: 0,
    });
    expect([...perRecipient().keys()].sort()).toEqual([
      'a@linqu.gov.cn',
      'b@linqu.gov.cn',
      'c@qingzhou.gov.cn',
      'd@fgw.gov.cn',
      'leader1@city.gov.cn',
      'shared@city.gov.cn',
    ]);
    const subject = ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Message?.Subject?.Data;
    expect(subject).toBe('2026年10月政务信息采用情况通报');
    const second = await sendRankingNotice(deps, now.toISOString(), '2026-10');
    expect(second).toMatchObject({ recipients: 6, sent: 0, skipped: 6, failed: 0 });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(6);
    expect(await marks.sentCount('ranking', '2026-10')).toBe(6);
  });

  it('reports SES refusals and a rerun sends exactly the missing ones, never two to anyone', async () => {
    let calls = 0;
    ses.on(SendEmailCommand).callsFake(async () => {
      calls += 1;
      if (calls % 3 === 0) throw new Error('MessageRejected');
      return { MessageId: `ses-${calls}` };
    });
    const first = await sendRankingNotice(deps, now.toISOString());
    expect(first).toMatchObject({ recipients: 6, sent: 4, failed: 2, skipped: 0 });
    expect(await marks.sentCount('ranking', '2026-10')).toBe(4);

    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-again' });
    const second = await sendRankingNotice(deps, now.toISOString());
    expect(second).toMatchObject({ recipients: 6, sent: 2, skipped: 4, failed: 0 });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
    expect(await marks.sentCount('ranking', '2026-10')).toBe(6);
  });

  it('never sends two copies across runs when every 3rd message is refused', async () => {
    const delivered = new Map<string, number>();
    let calls = 0;
    ses.on(SendEmailCommand).callsFake(async (input: { Destination?: { ToAddresses?: string[] } }) => {
      calls += 1;
      if (calls % 3 === 0) throw new Error('Throttling');
      const to = input.Destination?.ToAddresses?.[0]?.toLowerCase() ?? '';
      delivered.set(to, (delivered.get(to) ?? 0) + 1);
      return { MessageId: `ses-${calls}` };
    });
    for (let run = 0; run < 4; run += 1) await sendRankingNotice(deps, now.toISOString());
    expect(delivered.size).toBe(6);
    expect([...delivered.values()].every((count) => count === 1)).toBe(true);
  });
});

describe('overdue job', () => {
  it('keys the week in Shanghai (ISO weeks)', () => {
    expect(isoWeekOf(new Date('2026-11-02T00:30:00Z'))).toBe('2026-W45');
    expect(isoWeekOf(new Date('2026-11-01T17:00:00Z'))).toBe('2026-W45');
    expect(isoWeekOf(new Date('2026-11-01T15:00:00Z'))).toBe('2026-W44');
    expect(isoWeekOf(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
  });

  it('sends the full report to leaders, own reasons to flagged units, and nothing on a rerun', async () => {
    const scheduled = '2026-11-02T00:30:00.000Z';
    deps.now = () => new Date('2026-11-02T00:31:00.000Z');
    const first = await sendOverdueReport(deps, scheduled);
    expect(first).toMatchObject({ job: 'overdue', period: '2026-W45', failed: 0, skipped: 0 });
    expect(first.sent).toBe(first.recipients);
    const calls = ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input);
    const toLeader = calls.find((input) => input.Destination?.ToAddresses?.[0] === 'leader1@city.gov.cn');
    expect(toLeader?.Message?.Subject?.Data).toBe('政务信息报送督办通报（2026年第45周）');
    const toLinqu = calls.find((input) => input.Destination?.ToAddresses?.[0] === 'a@linqu.gov.cn');
    expect(toLinqu?.Message?.Subject?.Data).toContain('临朐县');
    expect(toLinqu?.Message?.Body?.Text?.Data).not.toContain('青州市');
    expect(calls.some((input) => input.Destination?.ToAddresses?.[0] === 'old@city.gov.cn')).toBe(false);

    const second = await sendOverdueReport(deps, scheduled);
    expect(second).toMatchObject({ sent: 0, skipped: first.recipients });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(first.sent);
    expect([...perRecipient().values()].every((count) => count === 1)).toBe(true);
  });

  it('refuses a period other than the scheduled week', async () => {
    await expect(sendOverdueReport(deps, '2026-11-02T00:30:00.000Z', '2026-W40')).rejects.toThrow(/--time/);
  });
});

describe('renderers', () => {
  it('escapes unit names in the ranking notice and gives a Chinese subject', () => {
    const mail = renderRankingNotice('2026-10', [
      {
        period: '2026-10',
        unitClass: 'county',
        rows: [
          {
            unitId: 'x',
            name: '<script>alert("x")</script>&局',
            ...counts(2, 1, 3),
            adoptionRate: 50,
            rank: 1,
            change: 2,
          },
        ],
        zeroReport: [],
        zeroAdoption: ['<b>零</b>'],
      },
    ]);
    expect(mail.subject).toBe('2026年10月政务信息采用情况通报');
    expect(mail.html).toContain('政务信息采用情况通报（2026年10月）');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;局');
    expect(mail.html).toContain('&lt;b&gt;零&lt;/b&gt;');
    expect(mail.html).toContain('↑2');
    expect(mail.text).toContain('零采用单位：<b>零</b>');
    for (const column of ['名次', '单位', '报送', '采用', '采用率', '得分', '变化']) {
      expect(mail.html).toContain(column);
    }
  });

  it('escapes the overdue reminder', () => {
    const mail = renderOverdueReminder('2026-W45', {
      unitId: 'x',
      name: '<i>某局</i>',
      unitClass: 'department',
      status: 'red',
      reasons: [{ code: 'COMMISSION_MISSED', message: '约稿逾期未报：“<img src=x>”' }],
    });
    expect(mail.subject).toBe('【督办提醒】<i>某局</i>政务信息报送情况（2026年第45周）');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x&gt;');
  });
});

describe('DynamoJobMailStore', () => {
  beforeEach(() => dynamo.reset());
  const store = new DynamoJobMailStore({ client: documentClient(), tableName: 't' });
  it('claims with a conditional put on the lower-case address', async () => {
    dynamo
      .on(PutCommand)
      .resolvesOnce({})
      .rejectsOnce(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    expect(await store.claim('ranking', '2026-10', 'A@X.cn', now.toISOString())).toBe(true);
    expect(await store.claim('ranking', '2026-10', 'a@x.cn', now.toISOString())).toBe(false);
    const input = dynamo.commandCalls(PutCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      Item: { pk: 'JOBMAIL#ranking#2026-10', sk: 'a@x.cn', status: 'claimed' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });
});
