/**
 * Search shards: one JSON document per year (`search/<year>.json`) plus `search/years.json`.
 * Keys are one letter because the shard is what a reader on a slow link downloads.
 */
import { shanghaiDate } from '../../domain/periods';
import { bulletinLabel } from '../render/format';
import type { VisibleBulletin } from '../site';

export interface ShardDocument {
  /** bulletin label, 《政务信息》2026年第12期 */
  b: string;
  /** item permalink, relative to the site root */
  u: string;
  /** item title */
  t: string;
  /** item text */
  x: string;
  /** unit names */
  n: string[];
  /** publication date, YYYY-MM-DD in Asia/Shanghai */
  d: string;
}

export interface Shard {
  year: number;
  docs: ShardDocument[];
}

export function buildShard(year: number, bulletins: VisibleBulletin[]): Shard {
  return {
    year,
    docs: bulletins.flatMap((b) =>
      b.items.map((item) => ({
        b: bulletinLabel(b),
        u: `${b.key}#${item.itemId}`,
        t: item.title,
        x: item.body,
        n: item.unitNames,
        d: shanghaiDate(new Date(b.publishedAt)),
      })),
    ),
  };
}

export function buildYears(years: number[]): { years: number[] } {
  return { years: [...years].sort((a, b) => b - a) };
}
