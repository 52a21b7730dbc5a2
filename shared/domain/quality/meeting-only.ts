/**
 * 流水账: an item that only says a meeting was held or a visit made — who attended, what the
 * leader stressed — with no result. It is flagged when it is about a meeting/visit AND carries
 * no figure AND no outcome verb outside the leaders' directives.
 *
 * Directives are excluded because a typical 流水账 ends “会议要求…确保完成全年任务”: 完成 there is a
 * demand, not a result. Attendance counts (“200余人参加”) and dates are not figures either.
 */

const MEETING =
  /会议|召开|座谈|参观|考察|调研|视察|观摩|督导|检查指导|走访|听取[^，。；]{0,20}汇报|推进会|调度会|部署会|现场会|动员会/u;

const NUMBER = '\\d+(?:[.,]\\d+)*';
const CN_NUMBER = '[零〇一二三四五六七八九十百千两]+(?:点[零一二三四五六七八九]+)?';
const FIGURES: readonly RegExp[] = [
  new RegExp(`${NUMBER}\\s*[%％‰]|百分之[零一二三四五六七八九十百点]+|[0-9]+(?:\\.\\d+)?\\s*个百分点`, 'u'),
  new RegExp(`(?:${NUMBER}|${CN_NUMBER})\\s*[多余]?\\s*(?:万|亿)(?:元|人|户|亩|吨|平方米|千瓦)`, 'u'),
  new RegExp(`${NUMBER}\\s*[多余]?\\s*(?:万|亿)?元`, 'u'),
  new RegExp(
    `(?<![第\\d.,])${NUMBER}\\s*[多余]?\\s*(?:万|亿)?\\s*(?:个|家|项|户|人次|人|名|吨|亩|公里|千米|平方米|平方公里|立方米|套|台|辆|所|座|件|宗|笔|份|批|张|头|只|株|棵|千瓦|兆瓦|度|千克|公斤|间|处|例|起|支|倍|万|亿)(?!\\s*次?\\s*(?:参加|参会|出席|列席|与会|参与))`,
    'u',
  ),
];

const OUTCOME =
  /完成|实现|增长|下降|减少|降低了|提高了|提升了|提高到|提升至|解决|签约|签订|建成|投产|开工|竣工|惠及|帮助|化解|办结|达成|落地|挽回|新增|累计|受益|发放|兑现|转移|安置|上线|开通|投用|交付|追回|出台|印发|获批|获评|排查出|整改到位|消除|节约|救治|带动|吸纳|成交|回款|到位/u;

const DIRECTIVE =
  /指出|强调|要求|提出|部署|表示|希望|号召|必须|务必|确保|力争|争取|应当|(?<![主重需只纪提摘概简必首])要(?![求素闻点件])|(?<!已)将(?!近)/u;

function hasFigure(text: string): boolean {
  return FIGURES.some((pattern) => pattern.test(text));
}

function hasOutcome(text: string): boolean {
  return text
    .split(/[。！？；;!?\n]/u)
    .some((sentence) => OUTCOME.test(sentence) && !DIRECTIVE.test(sentence));
}

/** Meeting/visit words found, or undefined when the item also reports a result. */
export function meetingOnlyEvidence(text: string): string[] | undefined {
  const meeting = MEETING.exec(text);
  if (!meeting || hasFigure(text) || hasOutcome(text)) return undefined;
  return [meeting[0]];
}
