/**
 * 涉密标志: a submission carrying one is refused (DESIGN §5) and nothing is stored.
 *
 * The classification words 机密 and 秘密 are ordinary words too (商业机密, 国家秘密, 揭开…的秘密,
 * 秘密武器), and 保密/涉密 appear in reports ABOUT secrecy work (保密工作会议, 涉密人员培训,
 * “非涉密”). So a word counts only in the positions where a 密级标志 is written:
 *  - followed by a star, optionally with the 保密期限: 秘密★, 机密★一年, 绝密★启用前;
 *  - a star with a 保密期限 even without the word: ★长期, ★5年;
 *  - with 级 (秘密级), after a 密级 label (密级：机密), in brackets (【秘密】, （机密）), or alone at the
 *    start of a line (the marker line of a 公文), or followed by a space and a 期限 (机密 一年);
 *  - 绝密 anywhere: it has no ordinary use in 政务信息 and missing a real one costs far more than
 *    asking a unit to reword;
 *  - handling marks: 内部资料/内部文件 + 注意保密/请勿外传…, 不得外传/严禁外传/不得翻印, and 涉密 used as a
 *    label (【涉密】, 本件涉密, a line starting with 涉密) — never 涉密人员/涉密载体/非涉密.
 * 保密 alone (保密工作会议, 保密宣传月, 保密法) is never a marker.
 *
 * Matching runs on a normalised copy (see `normalise`), so that a zero-width or no-break space
 * inside a marker, full-width forms or the traditional 絕密 do not slip through; the marker and
 * the excerpt reported are cut from the text as written, so the unit can find them.
 */

const SPACE = ' ';
const TERM = `(?:绝|机|秘)${SPACE}?密`;
const STAR = '[★☆✩✭⋆*＊]';
const TERM_LIMIT = '(?:[0-9０-９]{1,2}|[一二三四五六七八九十两]{1,3})个?(?:年|月)|长期|永久|启用前';
const OPEN = '[【\\[［〔(（「『]';
const CLOSE = '[】\\]］〕)）」』]';

const MARKERS: readonly RegExp[] = [
  new RegExp(`${TERM}${SPACE}*${STAR}${SPACE}*(?:${TERM_LIMIT})?`, 'u'),
  new RegExp(`${STAR}${SPACE}*(?:${TERM_LIMIT})`, 'u'),
  new RegExp(`${TERM}级`, 'u'),
  new RegExp(`密级${SPACE}*[：:]?${SPACE}*${TERM}`, 'u'),
  new RegExp(`${OPEN}${SPACE}*(?:${TERM}|涉密)${SPACE}*${CLOSE}`, 'u'),
  new RegExp(`(?<=^|\\n)${SPACE}*(?:${TERM}|涉密)(?=${SPACE}*(?:$|\\n|[：:]))`, 'u'),
  new RegExp(`${TERM}${SPACE}+(?:${TERM_LIMIT})`, 'u'),
  new RegExp(`绝${SPACE}?密`, 'u'),
  /内部(?:资料|文件|材料|刊物|参阅)[\s，,、·—-]*(?:请?注意保密|请勿外传|不得外传|严禁外传|妥善保管)/u,
  /(?:不得|严禁|请勿|禁止)(?:外传|翻印)/u,
  /(?:本|此|该)(?:件|文|稿|信息|材料|文件)(?:属于|系|为)?涉密/u,
];

/**
 * Traditional (and variant) forms of the characters the patterns above are written with. Only
 * these need folding: a marker is matched, never the rest of the text.
 */
const TRADITIONAL: Readonly<Record<string, string>> = {
  絕: '绝',
  機: '机',
  祕: '秘',
  級: '级',
  啓: '启',
  啟: '启',
  長: '长',
  個: '个',
  兩: '两',
  內: '内',
  資: '资',
  閱: '阅',
  參: '参',
  傳: '传',
  請: '请',
  嚴: '严',
  註: '注',
  該: '该',
  屬: '属',
  於: '于',
  係: '系',
  為: '为',
  爲: '为',
};

/** Invisible characters that split a marker without showing: format characters (zero-width, BOM, …). */
const INVISIBLE = /[\p{Cf}\u200B-\u200D\u2060\uFEFF]/gu;
const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/gu;
const SPACES = /[\p{Zs}\t\v\f]+/gu;
const FOLDABLE = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'gu');

/**
 * The text as the patterns read it: line breaks `\n`, invisible characters dropped, NFKC (full-width
 * forms, compatibility ideographs), every run of spaces one ordinary space, traditional forms folded.
 */
function normalise(text: string): string {
  return text
    .replace(LINE_BREAKS, '\n')
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(SPACES, ' ')
    .replace(FOLDABLE, (char) => TRADITIONAL[char] ?? char);
}

/**
 * The same, character by character, with where each character of the result came from in the
 * original: slower, so only run once a marker was found, to report it as the user wrote it.
 */
function normaliseMapped(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text.match(/\r\n|[\s\S]/gu) ?? []) {
    const from = offset;
    offset += char.length;
    for (const unit of normalise(char)) {
      if (unit === ' ' && out.endsWith(' ')) continue;
      out += unit;
      for (let i = 0; i < unit.length; i++) origin.push(from);
    }
  }
  origin.push(offset);
  return { text: out, origin };
}

export const EXCERPT_MAX = 20;

/** The earliest match of any pattern, as a span of the normalised text. */
function firstMatch(text: string): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  for (const pattern of MARKERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const trimmed = match[0].trim();
    const start = match.index + match[0].indexOf(trimmed);
    const end = start + trimmed.length;
    // Earliest wins; at the same place the longer reading (秘密★一年 over 秘密).
    if (!best || start < best.start || (start === best.start && end > best.end)) best = { start, end };
  }
  return best;
}

/** At most EXCERPT_MAX characters centred on the marker, on one line, without invisible characters. */
function excerptAround(text: string, index: number, marker: string): string {
  const chars = Array.from(text);
  const start = Array.from(text.slice(0, index)).length;
  const length = Array.from(marker).length;
  const from = Math.max(
    0,
    Math.min(start - Math.floor((EXCERPT_MAX - length) / 2), chars.length - EXCERPT_MAX),
  );
  return chars
    .slice(from, from + EXCERPT_MAX)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

const visible = (text: string) => text.replace(INVISIBLE, '');

export interface SecrecyMarker {
  /** The marker as written (invisible characters removed). */
  marker: string;
  /** A short excerpt around it, on one line. */
  excerpt: string;
}

/** The first 密级/涉密 marker in one text; undefined when the text is clean. */
export function findSecrecyMarkerIn(text: string): SecrecyMarker | undefined {
  const normalised = normalise(text);
  const quick = firstMatch(normalised);
  if (!quick) return undefined;
  const mapped = normaliseMapped(text);
  const found = firstMatch(mapped.text);
  if (!found) {
    // Read character by character the text did not match (a composed sequence): report it as normalised.
    const marker = normalised.slice(quick.start, quick.end);
    return { marker, excerpt: excerptAround(normalised, quick.start, marker) };
  }
  const start = mapped.origin[found.start] ?? 0;
  const last = mapped.origin[found.end - 1] ?? start;
  // The original character the last matched one came from, whole (a surrogate pair, CRLF).
  const end = last + (text.slice(last).match(/^(?:\r\n|[\s\S])/u)?.[0].length ?? 1);
  const marker = visible(text.slice(start, end)).trim();
  const index = visible(text.slice(0, start)).length;
  return { marker, excerpt: excerptAround(visible(text), index, marker) };
}

/** The first 密级/涉密 marker in the title, else in the body; undefined when the text is clean. */
export function findSecrecyMarker(text: { title: string; body: string }): SecrecyMarker | undefined {
  return findSecrecyMarkerIn(text.title) ?? findSecrecyMarkerIn(text.body);
}
