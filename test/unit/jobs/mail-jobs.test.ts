import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OverdueJobDeps } from '#functions/jobs/overdue-report/deps';
import { escalationJob, isoWeekOf, sendOverdueReport } from '#functions/jobs/overdue-report/use-case';
import type { RankingJobDeps } from '#functions/jobs/ranking-notice/deps';
import { noticePeriod, sendRankingNotice } from '#functions/jobs/ranking-notice/use-case';
import { getOverdue } from '#functions/scores/get-overdue/use-case';
import { MemoryArchiveObjects, StaticArchivePublisher } from '#shared/archive/index';
import { renderRankingNoticePage } from '#shared/archive/render/ranking-page';
import { type PeriodCounts, previousPeriod } from '#shared/domain/ranking';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import type { ScoringFact } from '#shared/domain/scoring/index';
import { renderOverdueReminder } from '#shared/mail/overdue';
import { renderRankingNotice } from '#shared/mail/ranking-notice';
import type { InstructionFact } from '#shared/schemas/facts';
import type { Unit } from '#shared/schemas/units';
import { documentClient } from '#shared/store/dynamo/client';
import { DynamoJobMailStore, type JobMailStore, jobMailKey } from '#shared/store/dynamo/job-mail';
import type { OverdueColour, OverdueWeekStore } from '#shared/store/dynamo/overdue-weeks';
import type { RankingNoticeStore, StoredRankingNotice } from '#shared/store/dynamo/ranking-notices';
import { scoringFactId } from '#shared/store/dynamo/scoring-facts';
import { SesMailSender } from '#shared/store/ses/mail-sender';
import { sdkSes } from '../../support/sdk-ses';

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
  async claimedAddresses(job: string, period: string) {
    const prefix = `${jobMailKey(job, period, '').pk}|`;
    return new Set(
      [...this.rows.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)),
    );
  }
}

class MemoryNotices implements Pick<RankingNoticeStore, 'get' | 'saveOnce'> {
  readonly rows = new Map<string, StoredRankingNotice>();
  async get(month: string) {
    return this.rows.get(month);
  }
  async saveOnce(notice: StoredRankingNotice) {
    const stored = this.rows.get(notice.month) ?? notice;
    this.rows.set(notice.month, stored);
    return stored;
  }
}

class MemoryWeeks implements OverdueWeekStore {
  readonly rows = new Map<string, Record<string, OverdueColour>>();
  async recordOnce(week: string, colours: Record<string, OverdueColour>) {
    const stored = this.rows.get(week) ?? colours;
    this.rows.set(week, stored);
    return stored;
  }
  async colours(week: string) {
    return this.rows.get(week);
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
let notices: MemoryNotices;
/** October's counters as the store holds them; the month close adds its lines' points here. */
let october: Map<string, PeriodCounts>;
/** The month-close facts stored so far (the close is idempotent by them). */
let closed: Map<string, ScoringFact>;
let weeks: MemoryWeeks;
let site: MemoryArchiveObjects;
let deps: RankingJobDeps & OverdueJobDeps;
const duty = ['duty@city.gov.cn', 'xxk@city.gov.cn'];
const now = new Date('2026-11-01T01:00:05.000Z');

function perRecipient(): Map<string, number> {
  const result = new Map<string, number>();
  for (const call of ses.commandCalls(SendEmailCommand)) {
    const to = (call.args[0].input.Destination?.ToAddresses?.[0] ?? '').toLowerCase();
    result.set(to, (result.get(to) ?? 0) + 1);
  }
  return result;
}

/** October's counters as the test sets them; any other period: one other unit. */
const countsOf = (period: string) =>
  period === '2026-10'
    ? new Map([...october].map(([unitId, figures]) => [unitId, { ...figures }]))
    : new Map([['qingzhou', counts(1, 1, 3)]]);

beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
  marks = new MemoryMarks();
  notices = new MemoryNotices();
  october = new Map([
    ['linqu', counts(10, 4, 12)],
    ['fgw', counts(3, 0, 2)],
  ]);
  closed = new Map();
  weeks = new MemoryWeeks();
  site = new MemoryArchiveObjects();
  deps = {
    scores: {
      units: { list: async () => units } as RankingJobDeps['scores']['units'],
      counts: async (period) => countsOf(period),
      countsWithPrevious: async (period) => ({
        current: countsOf(period),
        previous: countsOf(previousPeriod(period) ?? ''),
      }),
      rows: async () => new Map(),
      publishedIssues: async () => [],
      ledger: async () => [],
      policy: async (year) => defaultPolicy(year),
      commissionsOfYear: async () => [],
      instructionsOfItem: async () => [],
      now: () => now,
    },
    duty: {
      getDutyRecipients: async () => ({
        recipients: duty.map((email, index) => ({ name: `值班员${index + 1}`, email })),
      }),
    },
    monthClose: {
      units: { list: async () => units },
      submitted: async (month) =>
        new Map(
          month === '2026-10' ? [...october].map(([unitId, figures]) => [unitId, figures.submitted]) : [],
        ),
      commissionsDue: async () => [],
      policy: async (year) => defaultPolicy(year),
      facts: {
        exists: async (fact) => closed.has(scoringFactId(fact)),
        idsOfMonth: async () => new Set(closed.keys()),
        // As the store's transaction does: the facts, and their points on the month's counters.
        record: async (write) => {
          for (const fact of write.facts) closed.set(scoringFactId(fact), fact);
          for (const change of write.counters.filter((entry) => entry.period === '2026-10')) {
            const figures = october.get(change.unitId) ?? counts(0, 0, 0);
            october.set(change.unitId, { ...figures, points: figures.points + (change.add.points ?? 0) });
          }
          return true;
        },
      },
      now: () => now,
    },
    notices,
    weeks,
    archive: new StaticArchivePublisher({
      bulletins: { get: async () => undefined, ofYear: async () => [], years: async () => [] },
      objects: site,
      isArchivedSeries: () => true,
      officeName: '潍坊市人民政府办公室',
    }),
    archiveUrl: 'https://archive.example.gov.cn/',
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
    sender: new SesMailSender({ from: 'xinbao@example.gov.cn' }, sdkSes(new SESClient({}))),
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
      closeLines: 3,
      published: expect.arrayContaining(['rankings/2026-10.html', 'rankings/index.html']),
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

  it('closes the month first, so the permanent notice carries every quota line, and only once', async () => {
    const first = await sendRankingNotice(deps, now.toISOString());
    expect(first.closeLines).toBe(3);
    const points = (unitId: string) =>
      notices.rows
        .get('2026-10')
        ?.rankings.flatMap((ranking) => ranking.rows)
        .find((row) => row.unitId === unitId)?.points;
    // 临朐 met the county quota (+10), 市发改委 the department one (+6); 青州 reported nothing (4 × −2).
    expect([points('linqu'), points('fgw'), points('qingzhou')]).toEqual([22, 8, -8]);
    const again = await sendRankingNotice(deps, now.toISOString());
    expect(again.closeLines).toBe(0);
    expect(october.get('linqu')?.points).toBe(22);
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

function mailTo(address: string) {
  return ses
    .commandCalls(SendEmailCommand)
    .map((call) => call.args[0].input)
    .filter((input) => input.Destination?.ToAddresses?.[0] === address)
    .map((input) => ({
      subject: input.Message?.Subject?.Data ?? '',
      text: input.Message?.Body?.Text?.Data ?? '',
    }));
}

describe('ranking notice stored and on the archive', () => {
  it('stores the month once, publishes a chart page linked from the index; a rerun rewrites the same page and mails nobody', async () => {
    await sendRankingNotice(deps, now.toISOString());
    expect(notices.rows.get('2026-10')?.rankings.map((ranking) => ranking.unitClass)).toEqual([
      'county',
      'department',
    ]);
    const page = site.objects.get('rankings/2026-10.html')?.body ?? '';
    expect(page).toContain('<h1>2026年10月政务信息采用情况通报</h1>');
    expect(page).toContain('<svg role="img" aria-labelledby="chart-county-title chart-county-desc"');
    expect(page).toContain('<title id="chart-county-title">县市区得分（2026年10月）</title>');
    expect(page).toMatch(/<text [^>]*>1\. 临朐县<\/text>/);
    // 12 points of adoptions and the county quota's 10, which the month close wrote first.
    expect(page).toMatch(/<text [^>]*>22分<\/text>/);
    expect(site.objects.get('rankings/index.html')?.body).toContain('href="../rankings/2026-10.html"');
    expect(site.objects.get('rankings/2026-10.html')?.body).toContain(
      'href="../rankings/index.html">采用情况通报',
    );
    expect(mailTo('leader1@city.gov.cn')[0]?.text).toContain(
      '在线查看（含得分图）：https://archive.example.gov.cn/rankings/2026-10.html',
    );

    // A late fact moves the counters: the rerun keeps the notice first stored.
    deps.scores.counts = async () => new Map([['qingzhou', counts(50, 50, 99)]]);
    site.objects.delete('rankings/2026-10.html');
    const again = await sendRankingNotice(deps, now.toISOString());
    expect(again).toMatchObject({ sent: 0, skipped: 6 });
    expect(site.objects.get('rankings/2026-10.html')?.body).toBe(page);
  });

  it('draws negative scores left of the zero line and escapes names in the chart', () => {
    const page = renderRankingNoticePage(
      '2026-10',
      [
        {
          period: '2026-10',
          unitClass: 'department',
          rows: [
            { unitId: 'a', name: '<script>x</script>局', ...counts(3, 2, 6), adoptionRate: 66.7, rank: 1 },
            { unitId: 'b', name: '扣分局', ...counts(0, 0, -2), adoptionRate: 0, rank: 2, change: -1 },
          ],
          zeroReport: ['扣分局'],
          zeroAdoption: ['扣分局'],
        },
      ],
      '某市政府办公室',
    );
    expect(page).not.toContain('<script>x');
    expect(page).toContain('&lt;script&gt;x&lt;/script&gt;局：6分');
    // Scale -2…6 over 264 units: zero at x=66; the -2 bar runs from 0 to 66 in grey.
    expect(page).toContain('<rect x="0" y="62" width="66" height="14" fill="#6b6b6b">');
    expect(page).toContain('<rect x="66" y="22" width="198" height="14" fill="#a40000">');
    expect(page).toContain('↓1');
  });
});

const instruction = (overrides: Partial<InstructionFact>): InstructionFact => ({
  itemId: 'it_000000000000000000000001',
  instructionId: 'in_000000000000000000000001',
  leader: '张市长',
  level: 'city',
  date: '2026-10-20',
  text: '请认真总结推广。',
  feedbackDue: '2026-10-30',
  units: ['linqu'],
  recordedAt: '2026-10-21T01:00:00.000Z',
  recordedBy: 'tok-editor',
  ...overrides,
});

describe('overdue report: 批示 feedback, duty recipients, escalation', () => {
  const scheduled = '2026-11-02T00:30:00.000Z'; // Monday 08:30 Shanghai, 2026-W45
  beforeEach(() => {
    deps.now = () => new Date('2026-11-02T00:31:00.000Z');
  });

  it('names a 批示 past its feedback due date, found through the ledger, in the report and the reminder', async () => {
    deps.scores.counts = async (period) =>
      new Map(period === '2026' ? [['linqu', { ...counts(4, 2, 9), instructions: 2 }]] : []);
    const ledgerCalls: string[] = [];
    deps.scores.ledger = async (unitId, from) => {
      ledgerCalls.push(`${unitId}@${from}`);
      return [
        {
          unitId,
          source: 'item',
          refId: 'it_1',
          rule: 'instruction:city',
          policyVersion: 1,
          points: 5,
          reason: '',
          at: '2026-10-20T04:00:00.000Z',
        },
        {
          unitId,
          source: 'item',
          refId: 'it_2',
          rule: 'series:zwxx',
          policyVersion: 1,
          points: 3,
          reason: '',
          at: '2026-10-21T04:00:00.000Z',
        },
      ] as Awaited<ReturnType<RankingJobDeps['scores']['ledger']>>;
    };
    deps.scores.instructionsOfItem = async (itemId) =>
      itemId === 'it_1'
        ? [
            instruction({}),
            instruction({ leader: '李副市长', feedbackDate: '2026-10-29' }),
            instruction({ leader: '王副市长', feedbackDue: '2026-11-05' }),
          ]
        : [];
    const report = await getOverdue({ ...deps.scores, now: () => new Date(scheduled) });
    expect(ledgerCalls).toEqual(['linqu@2024-12-31T16:00:00.000Z']);
    const linqu = report.units.find((row) => row.unitId === 'linqu');
    expect(linqu?.reasons.find((reason) => reason.code === 'FEEDBACK_OVERDUE')?.message).toBe(
      '批示落实反馈逾期未报：张市长批示（应于10月30日前反馈）',
    );
    await sendOverdueReport(deps, scheduled);
    expect(mailTo('a@linqu.gov.cn')[0]?.text).toContain(
      '批示落实反馈逾期未报：张市长批示（应于10月30日前反馈）',
    );
    expect(mailTo('leader1@city.gov.cn')[0]?.text).toContain('张市长批示');
  });

  it("sends the full report to the office's duty recipients as well as the leaders", async () => {
    await sendOverdueReport(deps, scheduled);
    for (const address of [...duty, 'leader1@city.gov.cn']) {
      expect(mailTo(address).map((mail) => mail.subject)).toEqual(['政务信息报送督办通报（2026年第45周）']);
    }
  });

  it('escalates to the head of a unit red two weeks running, once, and stores the week', async () => {
    deps.scores.units = {
      list: async () =>
        units.map((entry) =>
          entry.id === 'linqu' || entry.id === 'qingzhou'
            ? { ...entry, headEmail: `head@${entry.id}.gov.cn` }
            : entry,
        ),
    } as RankingJobDeps['scores']['units'];
    weeks.rows.set('2026-W44', { linqu: 'red', qingzhou: 'amber', fgw: 'green' });
    const first = await sendOverdueReport(deps, scheduled);
    expect(first).toMatchObject({ escalated: 1, escalationsSent: 1, failed: 0 });
    const [escalation] = mailTo('head@linqu.gov.cn');
    expect(escalation?.subject).toBe('【督办升级】临朐县连续两周报送情况为红色');
    expect(escalation?.text).toContain('已连续第二周为红色');
    expect(mailTo('head@qingzhou.gov.cn')).toEqual([]);
    expect(weeks.rows.get('2026-W45')).toMatchObject({ linqu: 'red', qingzhou: 'red' });
    expect(await marks.sentCount(escalationJob, '2026-W45')).toBe(1);

    const calls = ses.commandCalls(SendEmailCommand).length;
    const second = await sendOverdueReport(deps, scheduled);
    expect(second).toMatchObject({ sent: 0, escalationsSent: 0 });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(calls);
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
