/**
 * A deterministic city-year as table rows, shaped by the app's own key helpers and scoring rules:
 * units, items (≈ 86 per unit, ≈ 19.5 % adopted), their submit and decision events, published
 * bulletins, the ledger lines of adoptions and upper-level adoptions, and the per-unit year rows of
 * month/quarter/year counters (`AGG#<year>`) those facts add up to. No LSH (near-duplicate)
 * entries: they expire after 180 days and nothing measured here reads them.
 */
import { periodsOf, yearOf } from '../../shared/domain/periods';
import { defaultPolicy, ledgerFor, type ScoringFact } from '../../shared/domain/scoring/index';
import { defaultSeries } from '../../shared/domain/series';
import type { Bulletin } from '../../shared/schemas/bulletins';
import type { Item } from '../../shared/schemas/items';
import { storedItem } from '../../shared/store/dynamo/items';
import { keys } from '../../shared/store/dynamo/keys';
import {
  counterAttribute,
  counterYears,
  ledgerPuts,
  rankedCounters,
  type StoredLedgerLine,
} from '../../shared/store/dynamo/ledger';
import { seededRandom } from './random';
import { itemText } from './text';

export interface CityOptions {
  units: number;
  /** Shanghai calendar year of the data. */
  year: number;
  /** Nothing is dated after this moment (default: the end of the year). */
  until?: Date;
  /** Published bulletins; default 287 per 96 units, the office's own annual figure. */
  bulletins?: number;
  /** Mean items per unit (default 86). */
  itemsPerUnit?: number;
  seed?: number;
}

export interface CitySummary {
  units: number;
  items: number;
  adopted: number;
  upperAdopted: number;
  bulletins: number;
  ledgerLines: number;
  counterRows: number;
  rows: number;
}

export type Row = Record<string, unknown>;

const editor = 'tk_benchloader0000000000';
const adoptedShare = 1622 / 8300;
const upperShare = 199 / 1622;
const upperPublications = ['province-zwxx', 'province-zwxx', 'province-zwxx', 'province-szzb', 'state-zwxx'];
const archivedSeries = defaultSeries.find((s) => s.seriesId === 'zwxx');
const internalSeries = defaultSeries.find((s) => s.seriesId === 'mryq');

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const idAt = (prefix: string, at: number, random: ReturnType<typeof seededRandom>) =>
  `${prefix}_${at.toString(36).padStart(9, '0')}${random.base36(14)}`;

interface UnitRow {
  id: string;
  name: string;
  class: 'county' | 'department';
}

function cityUnits(count: number): UnitRow[] {
  return Array.from({ length: count }, (_, index) => {
    const serial = pad(index + 1, 4);
    const county = index % 6 === 0;
    return {
      id: `unit-${serial}`,
      name: county ? `第${serial}县市区人民政府` : `市第${serial}直属部门`,
      class: county ? 'county' : 'department',
    };
  });
}

/** Adds counters per unit and period into the unit's year rows, as the app's transactions ADD them. */
class Counters {
  readonly rows = new Map<string, Row>();
  add(unit: UnitRow, at: Date, counters: Record<string, number>) {
    for (const period of periodsOf(at)) {
      const { year, carriedTo } = counterYears(period);
      for (const [name, value] of Object.entries(counters)) {
        this.addTo(unit, year, counterAttribute(period, name), value);
        if (carriedTo && rankedCounters.has(name))
          this.addTo(unit, carriedTo, counterAttribute(period, name), value);
      }
    }
  }
  private addTo(unit: UnitRow, year: string, attribute: string, value: number) {
    const key = `${year}#${unit.id}`;
    const row = this.rows.get(key) ?? {
      ...keys.aggregate(year, unit.id),
      unitId: unit.id,
      unitClass: unit.class,
      year,
    };
    row[attribute] = Math.round((((row[attribute] as number | undefined) ?? 0) + value) * 100) / 100;
    this.rows.set(key, row);
  }
}

/** Items as they stand now, with their submit event and the event of their last change: made as written. */
function* itemRows(
  items: readonly Item[],
  published: ReadonlyMap<string, { at: string; label: string }>,
  decided: ReadonlyMap<string, { at: string; to: Item['status'] }>,
): Generator<Row> {
  for (const item of items) {
    const publication = published.get(item.itemId);
    const decision = decided.get(item.itemId);
    const last = publication
      ? { at: publication.at, to: 'adopted' as const, comment: publication.label }
      : decision
        ? { ...decision, comment: undefined }
        : undefined;
    yield storedItem({
      ...item,
      status: last?.to ?? 'submitted',
      updatedAt: last?.at ?? item.submittedAt,
      version: publication ? 3 : last ? 2 : 1,
    });
    const by = `tk_reporter${item.unitId.replace(/-/g, '')}`;
    yield {
      ...keys.itemEvent(item.itemId, item.submittedAt, '00000000'),
      type: 'event',
      at: item.submittedAt,
      by,
      role: 'reporter',
      action: 'submit',
      to: 'submitted',
    };
    if (last) {
      yield {
        ...keys.itemEvent(item.itemId, last.at, '00000001'),
        type: 'event',
        at: last.at,
        by: editor,
        role: 'editor',
        action: publication ? 'adopt' : 'decide',
        from: publication ? 'candidate' : 'submitted',
        to: last.to,
        ...(last.comment ? { comment: last.comment } : {}),
      };
    }
  }
}

/** Builds the city's facts in memory and returns its rows (item rows made as they are written). */
export function buildCity(options: CityOptions): { rows: Iterable<Row>; summary: CitySummary } {
  const random = seededRandom(options.seed ?? 20_261_125);
  const start = Date.parse(`${options.year}-01-01T00:00:00+08:00`);
  const yearEnd = Date.parse(`${options.year + 1}-01-01T00:00:00+08:00`) - 1;
  const end = Math.min(yearEnd, options.until?.getTime() ?? yearEnd);
  const span = end - start;
  const policy = defaultPolicy(options.year);
  const units = cityUnits(options.units);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const counters = new Counters();
  const rows: Row[] = [];
  const created = new Date(start - 86_400_000).toISOString();

  for (const unit of units) {
    rows.push({
      ...keys.unit(unit.id),
      ...unit,
      contacts: [{ name: '王晓明', phone: '0536-8201234', email: `${unit.id}@example.gov.cn` }],
      active: true,
      createdAt: created,
      updatedAt: created,
      version: 1,
    });
  }

  // Items, oldest first; the adopted ones wait for a bulletin.
  const mean = options.itemsPerUnit ?? 86;
  const items: Item[] = [];
  let serial = 0;
  for (const unit of units) {
    const count = random.int(Math.round(mean * 0.7), Math.round(mean * 1.3));
    for (let i = 0; i < count; i++) {
      const at = start + Math.floor(random.next() * span * 0.97);
      const submittedAt = new Date(at).toISOString();
      const urgency = random.chance(0.05) ? 'important' : 'normal';
      items.push({
        ...itemText(random, ++serial),
        itemId: idAt('it', at, random),
        unitId: unit.id,
        status: 'submitted',
        eventDate: new Date(at + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10),
        urgency,
        openness: random.chance(0.7) ? 'public' : 'internal',
        approver: '张建国',
        author: { name: '李晓梅', phone: '0536-8201234' },
        submittedAt,
        updatedAt: submittedAt,
        revisions: [],
        findings: [],
        duplicates: [],
        coUnits: [],
        version: 1,
      });
      counters.add(unit, new Date(at), {
        submitted: 1,
        important: urgency === 'important' ? 1 : 0,
        points: 0,
      });
    }
  }
  items.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));

  const adopted: Item[] = [];
  const decided = new Map<string, { at: string; to: Item['status'] }>();
  for (const item of items) {
    const at = Date.parse(item.submittedAt);
    if (random.chance(adoptedShare)) adopted.push(item);
    else if (random.chance(0.8)) {
      const to = random.chance(0.35) ? 'reserved' : 'rejected';
      decided.set(item.itemId, { at: new Date(Math.min(end, at + 86_400_000)).toISOString(), to });
    }
  }

  // Bulletins: the adopted items in submission order, a few per issue, published after the last of them.
  const bulletinCount = Math.max(1, options.bulletins ?? Math.round((287 * options.units) / 96));
  const numbers = new Map<string, number>();
  const published = new Map<string, { at: string; label: string; seriesId: string }>();
  const bulletins: Bulletin[] = [];
  let upperAdopted = 0;
  const ledger: StoredLedgerLine[] = [];
  for (let b = 0; b < bulletinCount; b++) {
    const group = adopted.slice(
      Math.floor((b * adopted.length) / bulletinCount),
      Math.floor(((b + 1) * adopted.length) / bulletinCount),
    );
    const last = group.at(-1);
    const series = b % 10 === 9 ? internalSeries : archivedSeries;
    if (!series) throw new Error('default series changed');
    const lastAt = last ? Date.parse(last.submittedAt) : start + Math.floor((b * span) / bulletinCount);
    const publishedAt = new Date(Math.min(end, lastAt + 3_600_000 * random.int(2, 30)));
    const number = (numbers.get(series.seriesId) ?? 0) + 1;
    numbers.set(series.seriesId, number);
    const at = publishedAt.toISOString();
    const label = `《${series.name}》${yearOf(publishedAt)}年第${number}期`;
    const bulletin: Bulletin = {
      bulletinId: idAt('bl', publishedAt.getTime(), random),
      seriesId: series.seriesId,
      seriesName: series.name,
      year: options.year,
      number,
      total: number,
      status: 'published',
      items: group.map((item) => ({
        itemId: item.itemId,
        unitId: item.unitId,
        coUnits: [],
        unitNames: [unitById.get(item.unitId)?.name ?? item.unitId],
        title: item.title,
        body: item.body,
        openness: item.openness,
      })),
      editor,
      signer: '张建国',
      distribution: { report: [], send: [], issue: [] },
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
      publishedBy: editor,
      version: 2,
    };
    bulletins.push(bulletin);
    for (const item of group) {
      published.set(item.itemId, { at, label, seriesId: series.seriesId });
      const unit = unitById.get(item.unitId);
      if (!unit) continue;
      const fact: ScoringFact = {
        kind: 'adopted',
        itemId: item.itemId,
        bulletinLabel: label,
        seriesId: series.seriesId,
        units: [{ unitId: unit.id }],
        at,
      };
      const lines = ledgerFor(fact, policy).map((line) => ({ ...line, at }));
      ledger.push(...lines);
      counters.add(unit, publishedAt, {
        adopted: 1,
        points: lines.reduce((sum, line) => sum + line.points, 0),
      });
      if (random.chance(upperShare)) {
        const upperAt = new Date(Math.min(end, publishedAt.getTime() + 86_400_000 * random.int(3, 20)));
        const publicationId = random.pick(upperPublications);
        const upperLines = ledgerFor(
          {
            kind: 'upper-adopted',
            itemId: item.itemId,
            publicationId,
            forwardedThroughCity: true,
            units: [{ unitId: unit.id }],
            at: upperAt.toISOString(),
          },
          policy,
        ).map((line) => ({ ...line, at: upperAt.toISOString() }));
        ledger.push(...upperLines);
        upperAdopted++;
        counters.add(unit, upperAt, {
          upperAdopted: 1,
          [`upperBy:${publicationId}`]: 1,
          points: upperLines.reduce((sum, line) => sum + line.points, 0),
        });
      }
    }
  }

  for (const bulletin of bulletins) {
    rows.push({
      ...keys.bulletin(bulletin.bulletinId),
      ...keys.bulletinIndexes(bulletin),
      type: 'bulletin',
      ...bulletin,
    });
  }
  for (const put of ledgerPuts('', ledger)) if (put.Put?.Item) rows.push(put.Put.Item);
  rows.push(...counters.rows.values());
  for (const [seriesId, number] of numbers) {
    rows.push({ ...keys.seriesCounter(seriesId), lastYear: options.year, lastNumber: number, total: number });
  }
  rows.push({ ...keys.settings('ARCHIVE_YEARS'), years: new Set([options.year]) });

  const itemRowCount = 2 * items.length + published.size + decided.size;
  return {
    rows: (function* () {
      yield* rows;
      yield* itemRows(items, published, decided);
    })(),
    summary: {
      units: units.length,
      items: items.length,
      adopted: adopted.length,
      upperAdopted,
      bulletins: bulletins.length,
      ledgerLines: ledger.length,
      counterRows: counters.rows.size,
      rows: rows.length + itemRowCount,
    },
  };
}
