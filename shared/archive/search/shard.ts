/**
 * What a search hit shows: one small JSON document per public item
 * (`search/<year>/<series>/<number>/<k>.json`). Keys are one letter because readers on slow links
 * download these.
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

/** The public items of a visible bulletin as search documents, in the order. */
export function searchDocuments(b: VisibleBulletin): ShardDocument[] {
  const label = bulletinLabel(b);
  const date = shanghaiDate(new Date(b.publishedAt));
  return b.items.map((item) => ({
    b: label,
    u: `${b.key}#${item.itemId}`,
    t: item.title,
    x: item.body,
    n: item.unitNames,
    d: date,
  }));
}
