/**
 * Keeps the static archive in step with published bulletins. Every page is regenerated from the
 * store (PublishedBulletins), never by editing what is in the bucket, so two publishes racing
 * each other each write a page built from the store's state rather than from a stale page.
 */
import type { Ranking } from '../domain/ranking';
import type { Bulletin } from '../schemas/bulletins';
import type { ArchivePublisher, PublishedBulletins } from '../store/ports';
import { type ArchiveObjects, objectKinds } from './objects';
import { searchScript, siteCss } from './render/assets';
import { renderBulletinPage } from './render/bulletin-page';
import { renderHomePage, renderSeriesPage, renderYearPage } from './render/listing-pages';
import { renderRankingNoticePage, renderRankingNoticesIndex } from './render/ranking-page';
import { renderSearchPage } from './render/search-page';
import { buildShard, buildYears } from './search/shard';
import {
  allBulletins,
  bulletinsOfSeries,
  bulletinsOfYear,
  byNewest,
  managedPrefixes,
  type SiteState,
  seriesOf,
  siteKeys,
  visibleBulletin,
} from './site';

export interface ArchivePublisherDeps {
  bulletins: PublishedBulletins;
  objects: ArchiveObjects;
  /** Only series marked `archived` appear on the site. */
  isArchivedSeries: (seriesId: string) => boolean | Promise<boolean>;
  officeName: string;
}

type Write = { key: string; body: string; kind: keyof typeof objectKinds } | { key: string; delete: true };

const parallelWrites = 16;

export class StaticArchivePublisher implements ArchivePublisher {
  constructor(private readonly deps: ArchivePublisherDeps) {}

  async bulletinChanged(changed: Bulletin): Promise<string[]> {
    const current = await this.latest(changed);
    const state = await this.load(current);
    const { officeName } = this.deps;
    const writes: Write[] = [];
    const shown = bulletinsOfYear(state, current.year).find((b) => b.bulletinId === current.bulletinId);
    if (shown) writes.push({ key: shown.key, body: renderBulletinPage(shown, officeName), kind: 'html' });
    else if (current.number !== undefined)
      writes.push({ key: siteKeys.bulletin(current.year, current.seriesId, current.number), delete: true });

    const yearShown = bulletinsOfYear(state, current.year).length > 0;
    writes.push(
      yearShown
        ? {
            key: siteKeys.year(current.year),
            body: renderYearPage(state, current.year, officeName),
            kind: 'html',
          }
        : { key: siteKeys.year(current.year), delete: true },
      this.shardWrite(state, current.year),
      bulletinsOfSeries(state, current.seriesId).length > 0
        ? {
            key: siteKeys.series(current.seriesId),
            body: renderSeriesPage(state, current.seriesId, officeName),
            kind: 'html',
          }
        : { key: siteKeys.series(current.seriesId), delete: true },
      { key: siteKeys.home, body: renderHomePage(state, officeName), kind: 'html' },
      this.yearsWrite(state),
    );
    writes.push(...(await this.missingStatics()));
    await this.apply(writes);
    return writes.map((write) => write.key);
  }

  /**
   * Writes a month's ranking notice page and the notices index (every `rankings/<month>.html` in
   * the bucket). Rewriting the same month writes the same page again. Returns the keys written.
   */
  async rankingNoticePublished(month: string, rankings: Ranking[]): Promise<string[]> {
    const { officeName } = this.deps;
    const writes: Write[] = [
      {
        key: siteKeys.rankingNotice(month),
        body: renderRankingNoticePage(month, rankings, officeName),
        kind: 'html',
      },
      await this.rankingIndexWrite(month),
      ...(await this.missingStatics()).filter((write) => write.key !== siteKeys.rankingNotices),
    ];
    await this.apply(writes);
    return writes.map((write) => write.key);
  }

  async rebuild(onProgress?: (done: number, total: number) => void): Promise<{ written: number }> {
    const state = await this.load(undefined);
    const { officeName } = this.deps;
    const bulletins = allBulletins(state);
    onProgress?.(0, bulletins.length);
    let done = 0;
    const written = new Set<string>();
    for (let i = 0; i < bulletins.length; i += parallelWrites) {
      const batch = bulletins.slice(i, i + parallelWrites);
      await this.apply(
        batch.map((b) => ({ key: b.key, body: renderBulletinPage(b, officeName), kind: 'html' })),
      );
      for (const b of batch) {
        written.add(b.key);
        onProgress?.(++done, bulletins.length);
      }
    }
    const rest: Write[] = [
      ...this.statics(),
      ...state.years.map(
        ({ year }): Write => ({
          key: siteKeys.year(year),
          body: renderYearPage(state, year, officeName),
          kind: 'html',
        }),
      ),
      ...state.years.map(({ year }) => this.shardWrite(state, year)),
      ...seriesOf(state).map(
        ({ seriesId }): Write => ({
          key: siteKeys.series(seriesId),
          body: renderSeriesPage(state, seriesId, officeName),
          kind: 'html',
        }),
      ),
      { key: siteKeys.home, body: renderHomePage(state, officeName), kind: 'html' },
      this.yearsWrite(state),
      await this.rankingIndexWrite(),
    ];
    await this.apply(rest);
    for (const write of rest) written.add(write.key);
    // Whatever the publisher owns but did not just write is stale: a withdrawn issue, a series
    // no longer archived. Deleting it is what keeps a rebuild a repair.
    const stale = (await this.deps.objects.list(''))
      .filter((key) => managedPrefixes.some((prefix) => prefix.test(key)) && !written.has(key))
      .map((key): Write => ({ key, delete: true }));
    await this.apply(stale);
    return { written: written.size };
  }

  /** The stored bulletin wins when it is newer: a withdrawal racing this publish must not be undone. */
  private async latest(changed: Bulletin): Promise<Bulletin> {
    const stored = await this.deps.bulletins.get(changed.bulletinId);
    return stored && stored.version >= changed.version ? stored : changed;
  }

  /**
   * The whole visible archive from the store. `current` replaces its own entry: the year index is
   * eventually consistent and may not show a publish or withdrawal of a moment ago yet.
   */
  private async load(current: Bulletin | undefined): Promise<SiteState> {
    const years = new Set(await this.deps.bulletins.years());
    if (current) years.add(current.year);
    const archived = new Map<string, boolean>();
    const isArchived = async (seriesId: string) => {
      let flag = archived.get(seriesId);
      if (flag === undefined) {
        flag = await this.deps.isArchivedSeries(seriesId);
        archived.set(seriesId, flag);
      }
      return flag;
    };
    const entries = await Promise.all(
      [...years].map(async (year) => {
        let list = await this.deps.bulletins.ofYear(year);
        if (current?.year === year) {
          list = list.filter((b) => b.bulletinId !== current.bulletinId);
          if (current.status === 'published') list.push(current);
        }
        const visible = [];
        for (const b of list) {
          const shown = visibleBulletin(b, await isArchived(b.seriesId));
          if (shown) visible.push(shown);
        }
        return { year, bulletins: visible.sort(byNewest) };
      }),
    );
    return { years: entries.filter((entry) => entry.bulletins.length > 0).sort((a, b) => b.year - a.year) };
  }

  private shardWrite(state: SiteState, year: number): Write {
    const bulletins = bulletinsOfYear(state, year);
    if (bulletins.length === 0) return { key: siteKeys.shard(year), delete: true };
    return { key: siteKeys.shard(year), body: JSON.stringify(buildShard(year, bulletins)), kind: 'json' };
  }

  private yearsWrite(state: SiteState): Write {
    return {
      key: siteKeys.years,
      body: JSON.stringify(buildYears(state.years.map((entry) => entry.year))),
      kind: 'json',
    };
  }

  private statics(): Write[] {
    return [
      { key: siteKeys.css, body: siteCss, kind: 'css' },
      { key: siteKeys.js, body: searchScript, kind: 'js' },
      { key: siteKeys.searchPage, body: renderSearchPage(this.deps.officeName), kind: 'html' },
    ];
  }

  /** The notices index lists the notice pages in the bucket (plus `adding`, about to be written). */
  private async rankingIndexWrite(adding?: string): Promise<Write> {
    const months = new Set(adding ? [adding] : []);
    for (const key of await this.deps.objects.list('rankings/')) {
      const month = /^rankings\/(\d{4}-\d{2})\.html$/.exec(key)?.[1];
      if (month) months.add(month);
    }
    return {
      key: siteKeys.rankingNotices,
      body: renderRankingNoticesIndex([...months], this.deps.officeName),
      kind: 'html',
    };
  }

  /**
   * Assets, the search page and the notices index (every page links to them) are written by a
   * rebuild, and by a publish only when missing.
   */
  private async missingStatics(): Promise<Write[]> {
    const [assets, search, notices] = await Promise.all([
      this.deps.objects.list('assets/'),
      this.deps.objects.list(siteKeys.searchPage),
      this.deps.objects.list(siteKeys.rankingNotices),
    ]);
    const present = new Set([...assets, ...search, ...notices]);
    const missing = this.statics().filter((write) => !present.has(write.key));
    if (!present.has(siteKeys.rankingNotices)) missing.push(await this.rankingIndexWrite());
    return missing;
  }

  private async apply(writes: Write[]): Promise<void> {
    const { objects } = this.deps;
    for (let i = 0; i < writes.length; i += parallelWrites) {
      await Promise.all(
        writes
          .slice(i, i + parallelWrites)
          .map((write) =>
            'delete' in write
              ? objects.delete(write.key)
              : objects.put(write.key, write.body, objectKinds[write.kind]),
          ),
      );
    }
  }
}
