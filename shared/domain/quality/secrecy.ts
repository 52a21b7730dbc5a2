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
 */

const SPACE = '[ \\t\\u3000]';
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
  /内部(?:资料|文件|材料|刊物|参阅)[\s，,、·—-]*(?:注意保密|请勿外传|不得外传|严禁外传|妥善保管)/u,
  /(?:不得|严禁|请勿|禁止)(?:外传|翻印)/u,
  /(?:本|此|该)(?:件|文|稿|信息|材料|文件)(?:属于|系|为)?涉密/u,
];

export const EXCERPT_MAX = 20;

function firstMarker(text: string): { index: number; marker: string } | undefined {
  let best: { index: number; marker: string } | undefined;
  for (const pattern of MARKERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const marker = match[0].trim();
    const index = match.index + match[0].indexOf(marker);
    // Earliest wins; at the same place the longer reading (秘密★一年 over 秘密).
    if (!best || index < best.index || (index === best.index && marker.length > best.marker.length)) {
      best = { index, marker };
    }
  }
  return best;
}

/** At most EXCERPT_MAX characters centred on the marker, on one line, for the refusal message. */
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

/** The first 密级/涉密 marker in the title, else in the body; undefined when the text is clean. */
export function findSecrecyMarker(text: {
  title: string;
  body: string;
}): { marker: string; excerpt: string } | undefined {
  for (const part of [text.title, text.body]) {
    const found = firstMarker(part);
    if (found) return { marker: found.marker, excerpt: excerptAround(part, found.index, found.marker) };
  }
  return undefined;
}
