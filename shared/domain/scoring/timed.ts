/**
 * Ledger lines with their moment. A line's moment places it in a month, a quarter and a year
 * (its counters) and, with its rule and reference, names it in the store — so a line earned
 * again under another policy lands on the same name, and a replay can compare line by line.
 */
import type { ScoringPolicy } from '../../schemas/policy';
import { periodEnd } from '../ranking';
import type { LedgerLine, ScoringFact } from './facts';
import { compareLines, replayEach } from './ledger';
import { toCents } from './points';

export interface TimedLine extends LedgerLine {
  /** ISO instant; for a quota line the last millisecond of its month (Asia/Shanghai). */
  at: string;
}

/** The last millisecond of a month (`YYYY-MM`, Asia/Shanghai), as an ISO instant. */
export function monthEnd(month: string): string {
  const end = periodEnd(month);
  if (!end) throw new Error(`not a month: ${month}`);
  return new Date(end.getTime() - 1).toISOString();
}

/** When a fact's lines count: the fact's own moment, or the end of its month for a quota. */
export function ledgerTimeOf(fact: ScoringFact): string {
  return fact.kind === 'quota' ? monthEnd(fact.month) : fact.at;
}

/** The name a line is stored under within its unit's ledger: moment, rule and reference. */
export function lineName(line: Pick<TimedLine, 'at' | 'rule' | 'refId'>): string {
  return `${line.at}#${line.rule}#${line.refId}`;
}

/** `replayYear` with each line's moment: the ledger a year's facts earn under one policy. */
export function replayLedger(facts: readonly ScoringFact[], policy: ScoringPolicy): TimedLine[] {
  const lines: TimedLine[] = [];
  replayEach(facts, policy, (fact, earned) => {
    const at = ledgerTimeOf(fact);
    for (const line of earned) lines.push({ ...line, at });
  });
  return lines.sort((a, b) => compareLines(a, b) || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** A unit's points (hundredths) in a set of lines. */
export function centsOf(lines: readonly LedgerLine[]): number {
  return lines.reduce((sum, line) => sum + toCents(line.points), 0);
}
