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
  itemDocuments,
  type Manifest,
  type ManifestIssue,
  type PartIndex,
  type PartManifest,
  partManifest,
  recentCap,
  recentPart,
  recentShardCount,
  searchParts,
  textSize,
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

const issueKey = (year: number, seriesId: string, number: number) => `${year}/${seriesId}/${number}`;

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
    // The notices index and the statics are independent listings of the bucket: read together.
    const [index, statics] = await Promise.all([this.rankingIndexWrite(month), this.missingStatics()]);
    const writes: Write[] = [
      {
        key: siteKeys.rankingNotice(month),
        body: renderRankingNoticePage(month, rankings, officeName),
        kind: 'html',
      },
      index,
      ...statics.filter((write) => write.key !== siteKeys.rankingNotices),
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
   * Search objects one publish or withdrawal changes: the issue's item documents, the `recent`
   * part (every visible issue not in a compacted part, rebuilt whole) and the manifest, where an
   * issue of a compacted part that is no longer shown is listed as hidden. Folding the recent
   * part into the others is the nightly job's (`compactSearch`); a change compacts itself only
   * past `recentCap` (the job has failed for days) or when the manifest or a compacted part is
   * missing.
   */
  private async searchWrites(state: SiteState, current: Bulletin): Promise<Write[]> {
    const archived = await this.deps.isArchivedSeries(current.seriesId);
    const asPublished = visibleBulletin({ ...current, status: 'published' }, archived);
    const shown = bulletinsOfYear(state, current.year).some((b) => b.bulletinId === current.bulletinId);
    // The index below is always brought in line with what is shown (an issue of a series no
    // longer archived gets hidden too); only the changed issue's documents are written here.
    const writes: Write[] = !asPublished
      ? []
      : shown
        ? this.itemWrites(asPublished)
        : itemDocuments(asPublished).map(
            (_, k): Write => ({
              key: siteKeys.searchItem(asPublished.year, asPublished.seriesId, asPublished.number, k),
              delete: true,
            }),
          );
    writes.push(...(await this.indexChange(state, 'change')));
    return writes;
  }

  /**
   * The nightly compaction (the `search-compaction` job): folds the recent part into the newest
   * year's part (and any part with hidden issues), as a rebuild makes them, and empties the recent
   * part. Does nothing when the recent part is empty, nothing is hidden and every part is present,
   * so running it twice writes nothing the second time. Returns the keys written or deleted.
   */
  async compactSearch(): Promise<{ compacted: boolean; keys: string[] }> {
    const state = await this.load(undefined);
    const writes = await this.indexChange(state, 'compact');
    await this.apply(writes);
    return { compacted: writes.length > 0, keys: writes.map((write) => write.key) };
  }

  /**
   * The index objects and manifest for the archive as `state` shows it: the recent part rebuilt
   * (a change below the hard cap), or a compaction (a change past it, or the nightly job when
   * there is anything to fold; nothing at all when there is not).
   */
  private async indexChange(state: SiteState, mode: 'change' | 'compact'): Promise<Write[]> {
    const writes: Write[] = [];
    const manifest = await this.storedManifest();
    const compacted = manifest?.parts.filter((part) => part.name !== recentPart) ?? [];
    const complete =
      manifest !== undefined &&
      (
        await Promise.all(compacted.map((part) => this.deps.objects.list(siteKeys.searchIndex(part.name, 0))))
      ).every((keys) => keys.length > 0);
    const present = compacted.length > 0 && complete;
    const visible = new Map(allBulletins(state).map((b) => [issueKey(b.year, b.seriesId, b.number), b]));
    const inCompacted = new Set<string>();
    const kept = compacted.map((part): PartManifest => {
      const hidden: number[] = [];
      // A hidden issue keeps its place (its documents' numbers) but not its name.
      const issues = part.issues.map((issue, at): ManifestIssue => {
        const [year, seriesId, number, items] = issue;
        const key = issueKey(year, seriesId, number);
        if (visible.has(key) && !inCompacted.has(key)) {
          inCompacted.add(key);
          return issue;
        }
        hidden.push(at);
        return [0, '', 0, items];
      });
      return { name: part.name, shards: part.shards, issues, ...(hidden.length ? { hidden } : {}) };
    });
    const recent = [...visible].filter(([key]) => !inCompacted.has(key)).map(([, b]) => b);
    const hiddenCount = kept.reduce((sum, part) => sum + (part.hidden?.length ?? 0), 0);
    if (mode === 'compact' && complete && recent.length === 0 && hiddenCount === 0) return [];
    const withinCap =
      recent.length <= recentCap.issues &&
      textSize(recent) <= recentCap.characters &&
      hiddenCount <= recentCap.hidden;
    if (mode === 'change' && present && withinCap) {
      const recentKeys = await this.deps.objects.list(`search/index/${recentPart}/`);
      const parts = [...kept];
      const written = new Set<string>();
      if (recent.length > 0) {
        const index = buildPartIndex(recentPart, recent, recentShardCount(textSize(recent)));
        for (let shard = 0; shard < index.shards.length; shard++)
          for (const write of this.shardWrites(index, shard)) {
            writes.push(write);
            written.add(write.key);
          }
        parts.unshift(index.manifest);
      }
      writes.push(
        ...recentKeys.filter((key) => !written.has(key)).map((key): Write => ({ key, delete: true })),
      );
      writes.push(this.manifestWrite(state, parts));
      return writes;
    }
    // Compaction: the parts as a rebuild makes them; a part whose issues are unchanged (same
    // name, same issues, nothing hidden, its objects present) is kept as it is.
    const unchanged = new Set(
      present
        ? kept.filter((part) => !part.hidden).map((part) => `${part.name}|${JSON.stringify(part.issues)}`)
        : [],
    );
    const parts: PartManifest[] = [];
    const keep = new Set<string>();
    const keepFolders: string[] = [];
    for (const part of searchParts(state.years)) {
      const entry = partManifest(part.name, part.bulletins);
      if (unchanged.has(`${entry.name}|${JSON.stringify(entry.issues)}`)) {
        parts.push(kept.find((candidate) => candidate.name === entry.name) ?? entry);
        keepFolders.push(`search/index/${part.name}/`);
        continue;
      }
      const index = buildPartIndex(part.name, part.bulletins);
      for (let shard = 0; shard < index.shards.length; shard++)
        for (const write of this.shardWrites(index, shard)) {
          writes.push(write);
          keep.add(write.key);
        }
      parts.push(index.manifest);
    }
    const stale = (await this.deps.objects.list('search/index/')).filter(
      (key) => !keep.has(key) && !keepFolders.some((folder) => key.startsWith(folder)),
    );
    writes.push(...stale.map((key): Write => ({ key, delete: true })));
    writes.push(this.manifestWrite(state, parts));
    return writes;
  }

  private async storedManifest(): Promise<Manifest | undefined> {
    const body = await this.deps.objects.get(siteKeys.years);
    if (!body) return undefined;
    try {
      const manifest = JSON.parse(body) as Manifest;
      return Array.isArray(manifest.parts) ? manifest : undefined;
    } catch {
      return undefined;
    }
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
