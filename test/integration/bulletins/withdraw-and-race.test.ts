/**
 * Withdrawing an issue takes back its adoption points and counts at once, so the ledger and the
 * rankings equal what a replay of the year computes; and a publish that loses the numbering race
 * leaves no Word file or HTML record behind in the bucket.
 */
import { randomBytes } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createBulletin } from '../../../functions/bulletins/create-bulletin/use-case';
import { publishBulletin } from '../../../functions/bulletins/publish-bulletin/use-case';
import { withdrawBulletin } from '../../../functions/bulletins/withdraw-bulletin/use-case';
import { replayPolicy } from '../../../functions/policy/replay-year/use-case';
import { decideItem } from '../../../functions/review/decide-item/use-case';
import type { ScoresDeps } from '../../../functions/scores/deps';
import { rankingsOf } from '../../../functions/scores/get-rankings/rankings-of';
import { localS3Client, localS3HttpClient } from '../../../infra/local/aws';
import { ensureBucket } from '../../../infra/local/provision';
import { defaultPolicy } from '../../../shared/domain/scoring/defaults';
import type { Bulletin } from '../../../shared/schemas/bulletins';
import { periodCounts, periodCountsWithPrevious, periodRows } from '../../../shared/store/dynamo/aggregates';
import { ledgerOf } from '../../../shared/store/dynamo/ledger';
import { S3BulletinFiles } from '../../../shared/store/s3/bulletin-files';
import { admin, editor, newWorld, submission, unitIds, type World } from './world';

async function candidateIn(world: World, unitId: string, title: string): Promise<string> {
  const item = await world.submit(unitId, submission(title));
  await decideItem(world.review, editor, item.itemId, { decision: 'candidate', version: item.version });
  return item.itemId;
}

async function publish(world: World, seriesId: string, itemIds: string[]): Promise<Bulletin> {
  const draft = await createBulletin(world.bulletins, editor, { seriesId, itemIds });
  return publishBulletin(world.bulletins, editor, draft.bulletinId, {
    version: draft.version,
    signer: '刘秘书长',
  });
}

describe('withdrawing an issue', () => {
  let world: World;
  let scores: ScoresDeps;
  const year = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
  const periods = ['2026-11', '2026-12', '2026-Q4', '2026'];
  const ledger = (unitId: string) => ledgerOf(world.table, unitId, year.from, year.to);
  const total = async (unitId: string) =>
    (await ledger(unitId)).reduce((sum, line) => sum + Math.round(line.points * 100), 0) / 100;
  const rankings = () => Promise.all(periods.map((period) => rankingsOf(scores, { period })));

  beforeAll(async () => {
    world = await newWorld(inject('dynamodbEndpoint'), { start: '2026-11-10T02:00:00.000Z' });
    scores = {
      units: world.items.units,
      counts: (period) => periodCounts(world.table, period),
      countsWithPrevious: (period) => periodCountsWithPrevious(world.table, period),
      rows: (period) => periodRows(world.table, period),
      publishedIssues: (y) => world.policy.publishedIssues(y),
      ledger: (unitId, from, to) => ledgerOf(world.table, unitId, from, to),
      policy: async (y) => defaultPolicy(y),
      commissionsOfYear: async () => [],
      instructionsOfItem: async () => [],
      now: () => new Date(world.clock.at),
    };
  });

  it('takes back the points and adoptions at once, equal to what a replay computes', async () => {
    const first = await publish(world, 'zwxx', [
      await candidateIn(world, 'weicheng', '潍城区桃花村发展乡村旅游带动增收'),
      await candidateIn(world, 'gaomi', '高密市推进农村人居环境整治'),
    ]);
    await publish(world, 'zwxx', [await candidateIn(world, 'weicheng', '潍城区完成清洁取暖改造1.2万户')]);
    expect(await total('weicheng')).toBe(6);
    expect(await total('gaomi')).toBe(3);

    // Withdrawn the next month: the lines it takes back still count in November, as a replay would.
    world.clock.at = Date.parse('2026-12-03T02:00:00.000Z');
    await withdrawBulletin(world.bulletins, editor, first.bulletinId, {
      version: first.version,
      reason: '内容有误',
    });

    const reversal = (await ledger('gaomi')).find((line) => line.points < 0);
    expect(reversal).toMatchObject({
      reason: '《政务信息》2026年第1期撤回 -3',
      points: -3,
      at: first.publishedAt,
    });
    expect(await total('weicheng')).toBe(3);
    expect(await total('gaomi')).toBe(0);
    expect((await periodCounts(world.table, '2026-11')).get('gaomi')).toMatchObject({
      adopted: 0,
      points: 0,
    });
    expect((await periodCounts(world.table, '2026')).get('weicheng')).toMatchObject({
      adopted: 1,
      points: 3,
    });

    const withdrawn = await rankings();
    const preview = await replayPolicy(world.policy, admin, 2026, true);
    for (const unitId of unitIds) {
      const change = preview.changes.find((entry) => entry.unitId === unitId);
      expect(change?.delta ?? 0, unitId).toBe(0);
      if (change) expect(change.after, unitId).toBe(await total(unitId));
    }
    await replayPolicy(world.policy, admin, 2026, false);
    expect(await total('weicheng')).toBe(3);
    expect(await total('gaomi')).toBe(0);
    expect(await rankings()).toEqual(withdrawn);
  });
});

describe('a lost numbering race', () => {
  it('leaves exactly the winners’ files in the bucket', async () => {
    const s3 = localS3Client(inject('s3Endpoint'));
    const bucket = `files-${randomBytes(4).toString('hex')}`;
    await ensureBucket(s3, bucket);
    const world = await newWorld(inject('dynamodbEndpoint'), {
      files: new S3BulletinFiles(localS3HttpClient(inject('s3Endpoint')), bucket),
    });
    // Both publishes read the series counter before either commits: one of them must lose.
    const store = world.bulletins.bulletins;
    let waiting: (() => void) | undefined;
    let reads = 0;
    const bothRead = new Promise<void>((resolve) => {
      waiting = resolve;
    });
    world.bulletins.bulletins = Object.assign(Object.create(store), {
      counter: async (seriesId: string) => {
        const value = await store.counter(seriesId);
        reads += 1;
        if (reads === 2) waiting?.();
        if (reads <= 2) await bothRead;
        return value;
      },
    });
    const drafts = [];
    for (const title of ['潍城区冬季供暖保障有力有序', '高密市秋冬季造林绿化成效明显']) {
      const itemId = await candidateIn(world, 'weicheng', title);
      drafts.push(await createBulletin(world.bulletins, editor, { seriesId: 'zb', itemIds: [itemId] }));
    }
    const published = await Promise.all(
      drafts.map((draft) =>
        publishBulletin(world.bulletins, editor, draft.bulletinId, {
          version: draft.version,
          signer: '刘秘书长',
        }),
      ),
    );
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(published.map((issue) => issue.number).sort()).toEqual([1, 2]);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = (listed.Contents ?? []).map((object) => object.Key).sort();
    const referenced = published.flatMap((issue) => [issue.docx?.key, issue.html?.key]).sort();
    expect(keys).toEqual(referenced);
    expect(keys).toHaveLength(4);
  });
});
