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
import {
  buildPartIndex,
  changedShards,
  itemDocuments,
  type Manifest,
  type PartIndex,
  type PartManifest,
  partManifest,
  searchParts,
} from './search/bigram-index';
import {
  allBulletins,
  bulletinsOfSeries,
  bulletinsOfYear,
  byNewest,
  managedPrefixes,
  type SiteState,
  seriesOf,
  siteKeys,
  type VisibleBulletin,
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
      bulletinsOfSeries(state, current.seriesId).length > 0
        ? {
            key: siteKeys.series(current.seriesId),
            body: renderSeriesPage(state, current.seriesId, officeName),
            kind: 'html',
          }
        : { key: siteKeys.series(current.seriesId), delete: true },
      { key: siteKeys.home, body: renderHomePage(state, officeName), kind: 'html' },
    );
    writes.push(...(await this.searchWrites(state, current)));
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
      ...bulletins.flatMap((b) => this.itemWrites(b)),
      ...this.indexWrites(state),
      ...seriesOf(state).map(
        ({ seriesId }): Write => ({
          key: siteKeys.series(seriesId),
          body: renderSeriesPage(state, seriesId, officeName),
          kind: 'html',
        }),
      ),
      { key: siteKeys.home, body: renderHomePage(state, officeName), kind: 'html' },
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

  /** What a hit shows, one object per public item of a visible bulletin. */
  private itemWrites(b: VisibleBulletin): Write[] {
    return itemDocuments(b).map((doc, k) => ({
      key: siteKeys.searchItem(b.year, b.seriesId, b.number, k),
      body: JSON.stringify(doc),
      kind: 'json',
    }));
  }

  /** Every shard and long list of every part, and the manifest (a rebuild). */
  private indexWrites(state: SiteState): Write[] {
    const built = searchParts(state.years).map((part) => buildPartIndex(part.name, part.bulletins));
    return [
      ...built.flatMap((index) => index.shards.flatMap((_, shard) => this.shardWrites(index, shard))),
      this.manifestWrite(
        state,
        built.map((index) => index.manifest),
      ),
    ];
  }

  private shardWrites(index: PartIndex, shard: number): Write[] {
    const { name } = index.manifest;
    const built = index.shards[shard];
    if (!built) return [];
    return [
      { key: siteKeys.searchIndex(name, shard), body: built.body, kind: 'json' },
      ...built.own.map(
        (own): Write => ({ key: siteKeys.searchIndex(name, own.name), body: own.body, kind: 'json' }),
      ),
    ];
  }

  private manifestWrite(state: SiteState, parts: PartManifest[]): Write {
    const manifest: Manifest = { years: state.years.map((entry) => entry.year), parts };
    return { key: siteKeys.years, body: JSON.stringify(manifest), kind: 'json' };
  }

  /**
   * Search objects one publish or withdrawal changes: the item documents, the shards of
   * its part that hold a key of its items or of a later document, and the manifest. When the
   * newest year changes (the first issue of a year, or its withdrawal) both parts are rewritten
   * and the retired part's objects deleted.
   */
  private async searchWrites(state: SiteState, current: Bulletin): Promise<Write[]> {
    const archived = await this.deps.isArchivedSeries(current.seriesId);
    const asPublished = visibleBulletin({ ...current, status: 'published' }, archived);
    const shown = bulletinsOfYear(state, current.year).some((b) => b.bulletinId === current.bulletinId);
    const writes: Write[] = [];
    if (asPublished) {
      writes.push(
        ...(shown
          ? this.itemWrites(asPublished)
          : itemDocuments(asPublished).map(
              (_, k): Write => ({
                key: siteKeys.searchItem(asPublished.year, asPublished.seriesId, asPublished.number, k),
                delete: true,
              }),
            )),
      );
    }
    const parts = searchParts(state.years);
    const beforeYears = state.years.map((entry) =>
      entry.year !== current.year || !asPublished
        ? entry
        : {
            year: entry.year,
            bulletins: shown
              ? entry.bulletins.filter((b) => b.bulletinId !== current.bulletinId)
              : [...entry.bulletins, asPublished],
          },
    );
    if (asPublished && !state.years.some((entry) => entry.year === current.year))
      beforeYears.push({ year: current.year, bulletins: [asPublished] });
    const before = searchParts(beforeYears);
    const names = (list: { name: string }[]) => list.map((part) => part.name).join(',');
    const part = parts.find((candidate) => candidate.years.includes(current.year));
    // A bucket without this part's first shard (written before the index existed, or emptied)
    // gets the whole index, not a patch.
    const sameParts =
      asPublished !== undefined &&
      part !== undefined &&
      names(parts) === names(before) &&
      (await this.deps.objects.list(siteKeys.searchIndex(part.name, 0))).length > 0;
    // Only the changed part's postings are built, unless every part is rewritten.
    const built = parts.map((candidate) =>
      asPublished && (!sameParts || candidate === part)
        ? buildPartIndex(candidate.name, candidate.bulletins)
        : undefined,
    );
    const index = built[part ? parts.indexOf(part) : -1];
    if (asPublished && index && part && sameParts) {
      const { shards, previousShards } = changedShards(index, part.bulletins, asPublished);
      for (const shard of shards) writes.push(...this.shardWrites(index, shard));
      for (let shard = index.shards.length; shard < previousShards; shard++)
        writes.push({ key: siteKeys.searchIndex(index.manifest.name, shard), delete: true });
    } else if (asPublished) {
      // The newest year changed (its first issue, or the withdrawal of its last), or the part was
      // missing: rewrite every part and delete what a retired part left.
      const keep = new Set<string>();
      for (const next of built)
        for (let shard = 0; shard < (next?.shards.length ?? 0); shard++)
          for (const write of next ? this.shardWrites(next, shard) : []) {
            writes.push(write);
            keep.add(write.key);
          }
      const stale = (await this.deps.objects.list('search/index/')).filter((key) => !keep.has(key));
      writes.push(...stale.map((key): Write => ({ key, delete: true })));
    }
    writes.push(
      this.manifestWrite(
        state,
        parts.map((candidate, n) => built[n]?.manifest ?? partManifest(candidate.name, candidate.bulletins)),
      ),
    );
    return writes;
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
