/**
 * Vague time words (日前, 近日 …) where a bulletin needs a date: the item is read days later by
 * people who cannot resolve “近日”. Longest words first so 前一段时间 wins over 前段时间.
 *
 * Not flagged, by decision: 今年以来/近年来/近三年 (periods, the normal opener of a summary item),
 * 今天/昨天 (exact relative to eventDate; editors replace them when compiling), and any vague word
 * immediately followed by an explicit date in the same clause (“近日（11月18日）”, “上周三（18日）”).
 */

const WORDS = [
  '前一段时间',
  '近一段时间',
  '前段时间',
  '近段时间',
  '前些日子',
  '前些天',
  '前几天',
  '不久前',
  '前不久',
  '日前',
  '近日',
  '近期',
  '最近',
  '近来',
  '上周',
  '上个月',
  '上月',
] as const;

const PATTERN = new RegExp(WORDS.join('|'), 'gu');
const EXPLICIT_DATE =
  /(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日|[(（]\d{1,2}日[)）]/u;

/** Ordinary uses of the same characters: 节日前, 12月15日前, 截止日前; 近期目标; 离家最近; 附近来; 比上月增长. */
const GUARDS: Partial<Record<(typeof WORDS)[number], { before?: RegExp; after?: RegExp }>> = {
  日前: { before: /[0-9０-９〇一二三四五六七八九十百两几节作止期生效号该当每次翌之本同某末]$/u },
  近期: {
    before: /[中远、]$/u,
    after: /^(?:将|要|拟|计划|目标|重点|任务|规划|内|以内|、|和中期|中期|远期)/u,
  },
  最近: { before: /[离距]$/u, after: /^(?:的|[0-9一二三四五六七八九十两]+个?(?:年|月))/u },
  近来: { before: /[附邻接靠走迎]$/u },
  上月: { before: /(?:比|较|于|超|环比|同比)$/u },
  上个月: { before: /(?:比|较|于|超|环比|同比)$/u },
  上周: { before: /(?:比|较|于|环比)$/u },
};

/** The vague time words used in the text, in order of first appearance. */
export function vagueTimeWords(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(PATTERN)) {
    const word = match[0] as (typeof WORDS)[number];
    const start = match.index;
    const end = start + word.length;
    const guard = GUARDS[word];
    if (guard?.before?.test(text.slice(Math.max(0, start - 2), start))) continue;
    if (guard?.after?.test(text.slice(end, end + 6))) continue;
    const clause = text.slice(end, end + 14).split(/[，,。；;！？\n]/u)[0] ?? '';
    if (EXPLICIT_DATE.test(clause)) continue;
    found.add(word);
  }
  return [...found];
}
