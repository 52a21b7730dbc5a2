import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DigestDeps } from '#functions/jobs/leader-digest/deps';
import { digestWindows, sendLeaderDigest } from '#functions/jobs/leader-digest/use-case';
import { monthOf } from '#shared/domain/periods';
import { previousPeriod } from '#shared/domain/ranking';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import { renderDigest } from '#shared/mail/digest';
import type { Bulletin } from '#shared/schemas/bulletins';
import type { Item } from '#shared/schemas/items';
import type { Unit } from '#shared/schemas/units';
import { type JobMailStore, jobMailKey } from '#shared/store/dynamo/job-mail';
import type { ItemPageQuery } from '#shared/store/ports';
import { SesMailSender } from '#shared/store/ses/mail-sender';
import { sdkSes } from '../../support/sdk-ses';

const ses = mockClient(SESClient);

class MemoryMarks implements JobMailStore {
  readonly rows = new Map<string, { status: 'claimed' | 'sent' }>();
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
  async markSent(job: string, period: string, email: string) {
    this.rows.set(this.key(job, period, email), { status: 'sent' });
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

/** The gsi3 month index in memory: key condition BETWEEN on `<submittedAt>#<itemId>`, urgency filter. */
class MemoryItems {
  readonly queries: ItemPageQuery[] = [];
  constructor(readonly items: Item[]) {}
  async page(input: ItemPageQuery) {
    this.queries.push(input);
    const values = input.ExpressionAttributeValues;
    const matched = this.items.filter((item) => {
      const sk = `${item.submittedAt}#${item.itemId}`;
      return (
        `ITEMS#${monthOf(new Date(item.submittedAt))}` === values[':pk'] &&
        sk >= String(values[':from']) &&
        sk <= String(values[':to']) &&
        item.urgency === values[':urgency']
      );
    });
    return { items: matched, lastKey: undefined };
  }
}

const item = (itemId: string, title: string, submittedAt: string, urgency: 'normal' | 'important') =>
  ({ itemId, unitId: 'linqu', title, submittedAt, urgency, status: 'submitted' }) as unknown as Item;

const bulletin = (number: number, publishedAt: string, seriesName = '每日要情') =>
  ({
    bulletinId: `b${number}`,
    seriesId: 'daily',
    seriesName,
    year: 2026,
    number,
    status: 'published',
    publishedAt,
  }) as unknown as Bulletin;

const monday = '2026-11-22T23:30:00.000Z'; // 2026-11-23 07:30 Shanghai, a Monday
const tuesday = '2026-11-23T23:30:00.000Z'; // 2026-11-24 07:30 Shanghai

let marks: MemoryMarks;
let items: MemoryItems;
let bulletins: Bulletin[];
let units: Unit[];
let deps: DigestDeps;

const recipients = [
  { name: '领导甲', email: 'daily@city.gov.cn', bulletins: true, digest: 'daily' as const },
  { name: '领导乙', email: 'weekly@city.gov.cn', bulletins: true, digest: 'weekly' as const },
  { name: '领导丙', email: 'off@city.gov.cn', bulletins: true, digest: 'off' as const },
];

function sentTo(): string[] {
  return ses
    .commandCalls(SendEmailCommand)
    .map((call) => call.args[0].input.Destination?.ToAddresses?.[0] ?? '')
    .sort();
}
function subjects(): string[] {
  return ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input.Message?.Subject?.Data ?? '');
}

beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
  marks = new MemoryMarks();
  items = new MemoryItems([
    item('i1', '暴雨致道路中断', '2026-11-22T02:00:00.000Z', 'important'), // 11-22 Shanghai
    item('i2', '普通信息', '2026-11-22T03:00:00.000Z', 'normal'),
    item('i3', '早些时候的险情', '2026-11-17T03:00:00.000Z', 'important'), // 11-17, in last week only
    item('i4', '今天的重要信息', '2026-11-23T01:00:00.000Z', 'important'), // 11-23, in neither (Monday run)
  ]);
  bulletins = [bulletin(40, '2026-11-18T08:00:00.000Z')];
  units = [{ id: 'linqu', name: '临朐县', class: 'county', active: true, contacts: [] } as unknown as Unit];
  const now = new Date('2026-11-25T00:00:00.000Z');
  deps = {
    scores: {
      units: { list: async () => units } as DigestDeps['scores']['units'],
      counts: async () => new Map(),
      // As the store reads them: a period's counters and the previous period's together.
      countsWithPrevious: async (period) => ({
        current: await deps.scores.counts(period),
        previous: await deps.scores.counts(previousPeriod(period) ?? ''),
      }),
      rows: async () => new Map(),
      publishedIssues: async (year) => (year === 2026 ? bulletins : []),
      ledger: async () => [],
      policy: async (year) => defaultPolicy(year),
      commissionsOfYear: async () => [],
      instructionsOfItem: async () => [],
      now: () => now,
    },
    leaders: { getLeaderRecipients: async () => ({ recipients }) },
    duty: { getDutyRecipients: async () => undefined },
    items,
    marks,
    sender: new SesMailSender({ from: 'xinbao@example.gov.cn' }, sdkSes(new SESClient({}))),
    now: () => now,
  };
});

describe('digest windows', () => {
  it('covers the previous Shanghai day, and the previous week on Mondays', () => {
    expect(digestWindows(monday)).toEqual([
      {
        frequency: 'daily',
        period: 'D-2026-11-22',
        from: '2026-11-21T16:00:00.000Z',
        to: '2026-11-22T16:00:00.000Z',
      },
      {
        frequency: 'weekly',
        period: 'W-2026-W47',
        from: '2026-11-15T16:00:00.000Z',
        to: '2026-11-22T16:00:00.000Z',
      },
    ]);
    expect(digestWindows(tuesday).map((window) => window.period)).toEqual(['D-2026-11-23']);
  });
});

describe('leader digest job', () => {
  it('on a Monday mails daily and weekly recipients their own digest, never the off ones', async () => {
    const result = await sendLeaderDigest(deps, monday);
    expect(result.periods).toEqual(['D-2026-11-22', 'W-2026-W47']);
    expect(sentTo()).toEqual(['daily@city.gov.cn', 'weekly@city.gov.cn']);
    expect(subjects().sort()).toEqual(['信报每周摘要（11月16日—22日）', '信报每日摘要（11月22日）'].sort());
    const byTo = new Map(
      ses
        .commandCalls(SendEmailCommand)
        .map((call) => [
          call.args[0].input.Destination?.ToAddresses?.[0] ?? '',
          call.args[0].input.Message?.Body?.Text?.Data ?? '',
        ]),
    );
    const daily = byTo.get('daily@city.gov.cn') ?? '';
    expect(daily).toContain('暴雨致道路中断');
    expect(daily).not.toContain('普通信息');
    expect(daily).not.toContain('早些时候的险情');
    expect(daily).not.toContain('今天的重要信息');
    expect(daily).toContain('刊物发布（0 期）');
    const weekly = byTo.get('weekly@city.gov.cn') ?? '';
    expect(weekly).toContain('暴雨致道路中断');
    expect(weekly).toContain('早些时候的险情');
    expect(weekly).toContain('每日要情（2026年第40期）');
    expect(weekly).not.toContain('今天的重要信息');
    expect(items.queries.every((query) => query.IndexName === 'gsi3')).toBe(true);
  });

  it('on a Tuesday mails only the daily recipients', async () => {
    const result = await sendLeaderDigest(deps, tuesday);
    expect(result.periods).toEqual(['D-2026-11-23']);
    expect(sentTo()).toEqual(['daily@city.gov.cn']);
    expect(subjects()).toEqual(['信报每日摘要（11月23日）']);
  });

  it('sends nothing when every recipient is off', async () => {
    deps.leaders = {
      getLeaderRecipients: async () => ({
        recipients: recipients.map((leader) => ({ ...leader, digest: 'off' as const })),
      }),
    };
    const result = await sendLeaderDigest(deps, monday);
    expect(result.runs).toEqual([]);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('stays quiet when the digest would be empty', async () => {
    items.items.length = 0;
    bulletins = [];
    units = [];
    const result = await sendLeaderDigest(deps, tuesday);
    expect(result.runs).toEqual([
      expect.objectContaining({ period: 'D-2026-11-23', empty: true, recipients: 0, sent: 0 }),
    ]);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('a second run for the same day sends nothing', async () => {
    await sendLeaderDigest(deps, monday);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
    const second = await sendLeaderDigest(deps, monday);
    expect(second.runs.map((run) => [run.sent, run.skipped])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2);
    expect(await marks.sentCount('digest', 'D-2026-11-22')).toBe(1);
    expect(await marks.sentCount('digest', 'W-2026-W47')).toBe(1);
  });

  it('refuses a period the scheduled time does not cover, and a time in the future', async () => {
    await expect(sendLeaderDigest(deps, tuesday, 'W-2026-W47')).rejects.toThrow(/只能发送/);
    await expect(sendLeaderDigest(deps, '2026-12-01T00:00:00.000Z')).rejects.toThrow(/尚未到来/);
    await sendLeaderDigest(deps, monday, 'W-2026-W47');
    expect(sentTo()).toEqual(['weekly@city.gov.cn']);
  });
});

describe('rank movement in the digest', () => {
  const county = (id: string, name: string) =>
    ({ id, name, class: 'county', active: true, contacts: [] }) as unknown as Unit;
  const counted = (points: number) => ({
    submitted: 1,
    adopted: 1,
    upperAdopted: 0,
    instructions: 0,
    points,
  });

  it('names up to three units up and three down this month against last month, from the counters', async () => {
    units = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => county(id, `${id.toUpperCase()}县`));
    const asked: string[] = [];
    // Last month A…H ranked 1…8; this month the order is reversed, D and E swap places by less.
    const last = new Map(units.map((unit, index) => [unit.id, counted(80 - index * 10)]));
    const current = new Map(units.map((unit, index) => [unit.id, counted(index * 10)]));
    deps.scores.counts = async (period) => {
      asked.push(period);
      return period === '2026-11' ? current : period === '2026-10' ? last : new Map();
    };
    await sendLeaderDigest(deps, tuesday);
    expect(asked).toContain('2026-11');
    expect(asked).toContain('2026-10');
    const text = ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Message?.Body?.Text?.Data ?? '';
    expect(text).toContain('四、11月排名变化（截至目前，与上月比）');
    expect(text).toContain('上升：H县 ↑7（现第1名）；G县 ↑5（现第2名）；F县 ↑3（现第3名）');
    expect(text).toContain('下降：A县 ↓7（现第8名）；B县 ↓5（现第7名）；C县 ↓3（现第6名）');
  });

  it('movement alone does not send a digest, and the section is left out when nothing moved', async () => {
    items.items.length = 0;
    bulletins = [];
    // Two units with nothing to chase (recent, on pace, adopted this year) that swapped places.
    units = [county('a', 'A县'), county('b', 'B县')].map((unit) => ({
      ...unit,
      lastSubmittedAt: '2026-11-22T00:00:00.000Z',
    }));
    const busy = (points: number) => ({ ...counted(points), submitted: 5 });
    deps.scores.counts = async (period) =>
      new Map([
        ['a', busy(period === '2026-10' ? 9 : 1)],
        ['b', busy(3)],
      ]);
    const result = await sendLeaderDigest(deps, tuesday);
    expect(result.runs).toEqual([expect.objectContaining({ empty: true, sent: 0 })]);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
    const mail = renderDigest(digestWindows(tuesday)[0] as never, {
      items: [{ title: '某信息', unitName: 'A县', submittedAt: '2026-11-23T01:00:00.000Z' }],
      bulletins: [],
      overdue: { red: 0, amber: 0 },
      movement: { month: '2026-11', up: [], down: [] },
    });
    expect(mail.text).not.toContain('排名变化');
  });
});

describe('digest mail', () => {
  it('escapes titles, unit and series names in the HTML', () => {
    const [window] = digestWindows(tuesday);
    if (!window) throw new Error('no window');
    const mail = renderDigest(window, {
      items: [
        { title: '<script>alert(1)</script>', unitName: 'A&B <县>', submittedAt: '2026-11-23T01:00:00.000Z' },
      ],
      bulletins: [
        { seriesName: '<i>要情</i>', year: 2026, number: 3, publishedAt: '2026-11-23T02:00:00.000Z' },
      ],
      overdue: { red: 0, amber: 0 },
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('A&amp;B &lt;县&gt;');
    expect(mail.html).not.toContain('<i>');
    expect(mail.text).toContain('<script>alert(1)</script>（A&B <县>，11月23日 09:00）');
  });
  it('labels a week across months', () => {
    const window = {
      frequency: 'weekly' as const,
      period: 'W-2026-W48',
      from: '2026-11-22T16:00:00.000Z',
      to: '2026-11-29T16:00:00.000Z',
    };
    expect(renderDigest(window, { items: [], bulletins: [], overdue: { red: 1, amber: 0 } }).subject).toBe(
      '信报每周摘要（11月23日—29日）',
    );
    const across = { ...window, from: '2026-11-29T16:00:00.000Z', to: '2026-12-06T16:00:00.000Z' };
    expect(renderDigest(across, { items: [], bulletins: [], overdue: { red: 1, amber: 0 } }).subject).toBe(
      '信报每周摘要（11月30日—12月6日）',
    );
  });
});
