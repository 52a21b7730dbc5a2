import { getOverdue } from '#functions/scores/get-overdue/use-case';
import { rankingsOf } from '#functions/scores/get-rankings/rankings-of';
import { monthOf } from '#shared/domain/periods';
import { BadRequestError } from '#shared/errors';
import { type DigestContent, type DigestWindow, isDigestEmpty, renderDigest } from '#shared/mail/digest';
import type { Item } from '#shared/schemas/items';
import { type DeliveryResult, deliverOnce } from '#shared/store/dynamo/job-mail';
import { isoWeekOf } from '../overdue-report/use-case';
import type { DigestDeps } from './deps';
import { rankMovement } from './movement';

export const digestJob = 'digest';

const dayMs = 86_400_000;
const shanghaiOffsetMs = 8 * 3600_000;

/** The Shanghai calendar date (`YYYY-MM-DD`) a moment falls on. */
function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + shanghaiOffsetMs).toISOString().slice(0, 10);
}

/** Midnight (Asia/Shanghai) starting a calendar date. */
function midnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * The windows a run at `scheduledTime` covers: the previous Shanghai day for daily recipients and,
 * when the run falls on a Monday (Shanghai), the previous Monday–Sunday for weekly recipients.
 */
export function digestWindows(scheduledTime: string): DigestWindow[] {
  const today = midnight(shanghaiDate(new Date(scheduledTime)));
  const dayStart = new Date(today.getTime() - dayMs);
  const windows: DigestWindow[] = [
    {
      frequency: 'daily',
      period: `D-${shanghaiDate(dayStart)}`,
      from: dayStart.toISOString(),
      to: today.toISOString(),
    },
  ];
  if (new Date(today.getTime() + shanghaiOffsetMs).getUTCDay() === 1) {
    const weekStart = new Date(today.getTime() - 7 * dayMs);
    windows.push({
      frequency: 'weekly',
      period: `W-${isoWeekOf(weekStart)}`,
      from: weekStart.toISOString(),
      to: today.toISOString(),
    });
  }
  return windows;
}

/** The months (Asia/Shanghai) a window touches, oldest first. */
function monthsOf(window: DigestWindow): string[] {
  const first = monthOf(new Date(window.from));
  const last = monthOf(new Date(Date.parse(window.to) - 1));
  return first === last ? [first] : [first, last];
}

/** Important items submitted in the window: Query gsi3 per month, sort key between the bounds. */
async function importantItems(deps: DigestDeps, window: DigestWindow): Promise<Item[]> {
  const found: Item[] = [];
  for (const month of monthsOf(window)) {
    let lastKey: Record<string, unknown> | undefined;
    do {
      const page = await deps.items.page({
        IndexName: 'gsi3',
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        FilterExpression: 'urgency = :urgency',
        ExpressionAttributeNames: { '#pk': 'gsi3pk', '#sk': 'gsi3sk' },
        ExpressionAttributeValues: {
          ':pk': `ITEMS#${month}`,
          ':from': window.from,
          ':to': window.to,
          ':urgency': 'important',
        },
        Limit: 100,
        ScanIndexForward: true,
        ...(lastKey ? { ExclusiveStartKey: lastKey } : {}),
      });
      found.push(...page.items);
      lastKey = page.lastKey;
    } while (lastKey);
  }
  return found.filter(
    (item) => item.urgency === 'important' && item.submittedAt >= window.from && item.submittedAt < window.to,
  );
}

/**
 * This month so far (the month of the window's last day) against last month, from the counters
 * through the rankings use case: never a Scan.
 */
async function movementOf(deps: DigestDeps, window: DigestWindow) {
  const month = monthOf(new Date(Date.parse(window.to) - 1));
  return rankMovement(month, await rankingsOf(deps.scores, { period: month }));
}

async function digestContent(
  deps: DigestDeps,
  window: DigestWindow,
  unitNames: Map<string, string>,
  overdue: { red: number; amber: number },
): Promise<DigestContent> {
  const years = [...new Set([window.from, new Date(Date.parse(window.to) - 1).toISOString()])].map((at) =>
    Number(monthOf(new Date(at)).slice(0, 4)),
  );
  const [items, bulletinLists, movement] = await Promise.all([
    importantItems(deps, window),
    Promise.all([...new Set(years)].map((year) => deps.scores.publishedIssues(year))),
    movementOf(deps, window),
  ]);
  const bulletins = bulletinLists
    .flat()
    .filter((bulletin) => {
      const at = bulletin.publishedAt;
      return at !== undefined && at >= window.from && at < window.to;
    })
    .sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
  return {
    items: items.map((item) => ({
      title: item.title,
      unitName: unitNames.get(item.unitId) ?? item.unitId,
      submittedAt: item.submittedAt,
    })),
    bulletins: bulletins.map((bulletin) => ({
      seriesName: bulletin.seriesName,
      year: bulletin.year,
      ...(bulletin.number !== undefined ? { number: bulletin.number } : {}),
      publishedAt: bulletin.publishedAt ?? '',
    })),
    overdue,
    movement,
  };
}

/**
 * The leader digest (领导摘要): each day the previous day's digest to `daily` recipients and, on
 * Mondays, the previous week's to `weekly` ones; `off` recipients get none, and an empty digest is
 * not sent. Idempotent per period (`D-YYYY-MM-DD` / `W-YYYY-Www`) and address.
 */
export async function sendLeaderDigest(deps: DigestDeps, scheduledTime: string, period?: string) {
  const at = new Date(scheduledTime);
  if (at.getTime() > deps.now().getTime()) {
    throw new BadRequestError('PERIOD_IN_FUTURE', `计划时间 ${scheduledTime} 尚未到来`);
  }
  const all = digestWindows(scheduledTime);
  const windows = period === undefined ? all : all.filter((window) => window.period === period);
  if (windows.length === 0) {
    throw new BadRequestError(
      'PERIOD_INVALID',
      `该计划时间只能发送 ${all.map((window) => window.period).join('、')} 的摘要；要补发其他期，请用 --time 指定`,
    );
  }
  const leaders = (await deps.leaders.getLeaderRecipients())?.recipients ?? [];
  const runs: Array<
    { period: string; frequency: DigestWindow['frequency']; empty: boolean } & DeliveryResult
  > = [];
  const wanted = windows.filter((window) => leaders.some((leader) => leader.digest === window.frequency));
  if (wanted.length > 0) {
    const [units, report] = await Promise.all([
      deps.scores.units.list(),
      getOverdue({ ...deps.scores, now: () => at }),
    ]);
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
    for (const window of wanted) {
      const content = await digestContent(deps, window, unitNames, { red: report.red, amber: report.amber });
      const empty = isDigestEmpty(content);
      const mail = renderDigest(window, content);
      const messages = empty
        ? []
        : leaders
            .filter((leader) => leader.digest === window.frequency)
            .map((leader) => ({ to: leader.email, mail }));
      const delivery = await deliverOnce(deps, digestJob, window.period, messages);
      runs.push({ period: window.period, frequency: window.frequency, empty, ...delivery });
    }
  }
  return { job: digestJob, periods: windows.map((window) => window.period), runs };
}
