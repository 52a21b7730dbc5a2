/**
 * Publish cost: with N bulletins already published (a bulk-loaded city, its archive written by the
 * publisher's own rebuild), publish one more through the publish use case wired as the bulletins
 * handler wires it, and count the archive bucket objects written with a transport around its S3
 * client. The larger set's rebuild is the `archive rebuild` figure.
 */
import { createBulletin } from '../../functions/bulletins/create-bulletin/use-case';
import type { BulletinsDeps } from '../../functions/bulletins/deps';
import { publishBulletin } from '../../functions/bulletins/publish-bulletin/use-case';
import { progressBar } from '../../infra/cli/progress';
import { StaticArchivePublisher } from '../../shared/archive/publisher';
import { renderBulletinRecord } from '../../shared/archive/render/record';
import { archivedSeriesFrom } from '../../shared/archive/series';
import { defaultOfficeName } from '../../shared/config';
import { yearOf } from '../../shared/domain/periods';
import type { Principal } from '../../shared/domain/roles';
import { renderBulletinDocx } from '../../shared/render/docx/bulletin';
import { DynamoBulletinStore } from '../../shared/store/dynamo/bulletins';
import type { TableRef } from '../../shared/store/dynamo/client';
import { DynamoItemStore } from '../../shared/store/dynamo/items';
import { DynamoPolicyStore } from '../../shared/store/dynamo/policy';
import { DynamoSeriesStore } from '../../shared/store/dynamo/series';
import { DynamoUnitStore } from '../../shared/store/dynamo/units';
import { S3ArchiveObjects } from '../../shared/store/s3/archive-objects';
import { S3BulletinFiles } from '../../shared/store/s3/bulletin-files';
import { putCandidateItem } from '../load/candidate';
import { loadCity } from '../load/index';
import { countS3Writes } from '../support/stack-counters';
import { type BenchEmulators, startBenchEmulators } from '../support/stack-emulators';
import type { BenchOptions, BenchRow, Measure } from '../types';

const section = '发布成本 publish cost';
const editor: Principal = { role: 'editor', tokenId: 'tk_benchpublisher000000000' };
const maxArchiveWrites = 6;
const searchObject = /^(?:\w+ )?search\/(index|items)\//;

interface PublishRun {
  bulletins: number;
  archiveWrites: string[];
  fileWrites: number;
  publishMs: number;
  rebuildSeconds: number;
  rebuildWritten: number;
}

function bulletinsDeps(
  table: TableRef,
  emulators: BenchEmulators,
  buckets: { archive: string; files: string },
) {
  if (!emulators.s3Endpoint) throw new Error('the publish bench needs the S3 emulator');
  const counter = countS3Writes(emulators.s3Endpoint);
  const s3 = counter.client;
  const series = new DynamoSeriesStore(table);
  const bulletins = new DynamoBulletinStore(table);
  const publisher = new StaticArchivePublisher({
    bulletins,
    objects: new S3ArchiveObjects(s3, buckets.archive),
    isArchivedSeries: archivedSeriesFrom(series),
    officeName: defaultOfficeName,
  });
  const deps: BulletinsDeps = {
    bulletins,
    items: new DynamoItemStore(table),
    units: new DynamoUnitStore(table),
    series,
    policies: new DynamoPolicyStore(table),
    files: new S3BulletinFiles(s3, buckets.files),
    archive: publisher,
    // The mailer is another function; the outbox entry is still written by the publish transaction.
    mail: { dispatch: async () => {} },
    renderDocx: renderBulletinDocx,
    renderRecord: renderBulletinRecord,
    officeName: defaultOfficeName,
    now: () => new Date(),
  };
  return { deps, publisher, counter };
}

async function publishOneMore(
  emulators: BenchEmulators,
  bulletins: number,
  log: BenchOptions['log'],
): Promise<PublishRun> {
  const now = new Date();
  const year = Number(yearOf(now));
  const table = await emulators.table(`bench-publish-${bulletins}`);
  const buckets = { archive: `bench-archive-${bulletins}`, files: `bench-files-${bulletins}` };
  await Promise.all([emulators.bucket(buckets.archive), emulators.bucket(buckets.files)]);
  const units = Math.max(4, Math.round((bulletins * 96) / 287));
  const loaded = await loadCity(table, {
    units,
    year,
    bulletins,
    until: new Date(now.getTime() - 3_600_000),
  });
  log(
    `publish: loaded ${loaded.bulletins} published bulletins (${units} units, ${loaded.rows} rows) in ${loaded.seconds.toFixed(1)} s`,
  );

  const { deps, publisher, counter } = bulletinsDeps(table, emulators, buckets);
  const bar = progressBar(`重建档案网站（${bulletins} 期）`);
  const rebuildStarted = performance.now();
  const rebuilt = await publisher.rebuild((done, total) => bar.update(done, total)).finally(() => bar.stop());
  const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;

  const itemId = await putCandidateItem(table, 'unit-0001', now);
  const draft = await createBulletin(deps, editor, { seriesId: 'zwxx', itemIds: [itemId] });
  counter.reset();
  const started = performance.now();
  const published = await publishBulletin(deps, editor, draft.bulletinId, {
    version: draft.version,
    signer: '张建国',
  });
  const publishMs = performance.now() - started;
  if (published.status !== 'published') throw new Error('the bulletin was not published');
  return {
    bulletins,
    archiveWrites: counter.keys(buckets.archive),
    fileWrites: counter.written(buckets.files),
    publishMs,
    rebuildSeconds,
    rebuildWritten: rebuilt.written,
  };
}

export const measure: Measure = async (options) => {
  const sizes = options.short ? [100, 300] : [300, 3000];
  const emulators = await startBenchEmulators({ s3: true });
  try {
    const runs: PublishRun[] = [];
    for (const size of sizes) runs.push(await publishOneMore(emulators, size, options.log));
    const [small, large] = runs;
    if (!small || !large) throw new Error('two archives expected');
    // Pages and indexes (≤ 6); the search objects a publish writes are reported beside them
    // (bench/measures/search.ts measures them on an archive of 3,000 issues).
    const pages = (run: PublishRun) => run.archiveWrites.filter((key) => !searchObject.test(key));
    const row = (run: PublishRun, baseline?: PublishRun): BenchRow => {
      const count = pages(run).length;
      const search = run.archiveWrites.length - count;
      return {
        section,
        name: `archive pages and indexes written by one publish, ${run.bulletins} already published`,
        measured: `${count} objects + ${search} search objects (${Math.round(run.publishMs)} ms)`,
        baseline: baseline ? `${pages(baseline).length} objects with ${baseline.bulletins}` : '—',
        ratio: Math.round((count / (baseline ? pages(baseline).length : maxArchiveWrites)) * 100) / 100,
        goal: baseline ? `same count, ≤ ${maxArchiveWrites}` : `≤ ${maxArchiveWrites}`,
        pass: count <= maxArchiveWrites && (!baseline || count === pages(baseline).length),
        note:
          `${pages(run).join(', ')}; plus ${search} search objects (the issue's item documents, the index part of the ` +
          `issues published since the last compaction (≤ 8 shards) and the manifest; bench/measures/search.ts ` +
          `measures them over a run of publishes, compactions included) and ${run.fileWrites} files (docx, html record) in the attachments bucket. ` +
          'The time (reported, no goal) includes rendering the .docx, reading every published bulletin for the ' +
          'year page and the series page, and rebuilding the recent issues’ search index, so it grows with the archive ' +
          'while the page writes do not.',
      };
    };
    return [
      row(small),
      row(large, small),
      {
        section,
        name: `archive rebuild, ${large.bulletins} bulletins`,
        measured: `${large.rebuildSeconds.toFixed(1)} s (${large.rebuildWritten} objects)`,
        baseline: `${small.rebuildSeconds.toFixed(1)} s for ${small.bulletins} bulletins`,
        ratio: Math.round((large.rebuildSeconds / small.rebuildSeconds) * 100) / 100,
        goal: '— (reported)',
        pass: true,
        note: 'The publisher’s rebuild (as `npm run xinbao -- archive rebuild` runs it) into s3rver on local disk.',
      },
    ];
  } finally {
    await emulators.close();
  }
};
