import type { ScoringPolicy } from '../../schemas/policy';

/**
 * The default 考核办法, returned as version 0 until an admin stores the office's own.
 *
 * Sources. The figures follow the common provisions of city-level 政务信息工作考核办法 as they
 * are typically published by 市政府办公室 (信息科): points per adoption in the city's own
 * bulletins, higher points for adoption by province and State Council publications, bonuses for
 * leaders' 批示 by level, a monthly quota per unit class with a deduction per missing item, 约稿
 * bonuses and penalties, and a penalty for late 重要紧急信息. The exact numbers are
 * representative defaults inside the ranges DESIGN.md §2 records (city series 2–10, province
 * 10–30, 国办 50; 批示 +5 city / +50 province / +100 state; counties ≥ 4 items a month,
 * departments ≥ 2) — they are not copied from one specific document, and the office replaces
 * them with its own 办法 through `PUT /policy/{year}`.
 */
export const defaultPolicySources: readonly string[] = [
  '参照各地市政府办公室《政务信息工作考核办法》通行条款（本级刊物采用计分、上级采用计分、领导批示加分、报送任务、约稿、重要紧急信息迟报扣分）',
  '分值区间：市级刊物 2–10 分，省级刊物 10–30 分，国办《政务信息》50 分；批示 市级 5 分、省级 50 分、国家级 100 分',
  '报送任务：县市区每月不少于 4 篇，市直部门每月不少于 2 篇',
  '说明：以上为代表性默认值，并非某一文件原文；请以本市正式印发的考核办法为准并在此替换',
];

export function defaultPolicy(year: number): ScoringPolicy {
  return {
    year,
    version: 0,
    source: [...defaultPolicySources],
    seriesPoints: { zwxx: 3, mryq: 2, zb: 10, zk: 5 },
    upperPublications: [
      { id: 'province-zwxx', name: '省政府《政务信息》', points: 10, forwardedMultiplier: 1.2 },
      { id: 'province-szzb', name: '《省长专报》', points: 30, forwardedMultiplier: 1.2 },
      { id: 'state-zwxx', name: '国办《政务信息》', points: 50, forwardedMultiplier: 1.2 },
    ],
    instructionBonus: { city: 5, province: 50, state: 100 },
    accumulate: false,
    coCredit: 'even',
    fixedShares: { lead: 1, other: 0.5 },
    quotas: [
      { unitClass: 'county', perMonth: 4, basePoints: 10, deductionPerMissing: 2 },
      { unitClass: 'department', perMonth: 2, basePoints: 6, deductionPerMissing: 2 },
    ],
    commission: { answeredBonus: 2, latePenalty: 1, missedPenalty: 2 },
    lateImportantPenalty: 5,
    silentDays: 14,
  };
}
