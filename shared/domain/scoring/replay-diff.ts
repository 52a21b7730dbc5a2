/**
 * What a replay changes: the stored lines against the lines the facts earn now, matched by unit
 * and line name. Unchanged lines are left alone, so replaying twice changes nothing the second time.
 */
import { fromCents } from './points';
import { centsOf, lineName, type TimedLine } from './timed';

export interface LinePut {
  line: TimedLine;
  /** The stored line this one replaces (same unit and name), if any. */
  previous?: TimedLine;
}

export interface UnitPointChange {
  unitId: string;
  before: number;
  after: number;
  delta: number;
  linesBefore: number;
  linesAfter: number;
  /** Lines written, replaced or removed for this unit. */
  linesChanged: number;
}

export interface LedgerDiff {
  puts: LinePut[];
  deletes: TimedLine[];
  /** Every unit whose lines change, by unit id. */
  units: UnitPointChange[];
}

const keyOf = (line: TimedLine) => `${line.unitId}\u0000${lineName(line)}`;

function sameLine(a: TimedLine, b: TimedLine): boolean {
  return (
    a.points === b.points &&
    a.reason === b.reason &&
    a.policyVersion === b.policyVersion &&
    a.source === b.source
  );
}

export function diffLedger(before: readonly TimedLine[], after: readonly TimedLine[]): LedgerDiff {
  const stored = new Map(before.map((line) => [keyOf(line), line]));
  const wanted = new Map(after.map((line) => [keyOf(line), line]));
  const puts: LinePut[] = [];
  const deletes: TimedLine[] = [];
  for (const [key, line] of wanted) {
    const previous = stored.get(key);
    if (!previous) puts.push({ line });
    else if (!sameLine(previous, line)) puts.push({ line, previous });
  }
  for (const [key, line] of stored) if (!wanted.has(key)) deletes.push(line);
  const touched = new Set([...puts.map((put) => put.line.unitId), ...deletes.map((line) => line.unitId)]);
  const units = [...touched].sort().map((unitId): UnitPointChange => {
    const was = before.filter((line) => line.unitId === unitId);
    const now = [...wanted.values()].filter((line) => line.unitId === unitId);
    const beforeCents = centsOf(was);
    const afterCents = centsOf(now);
    return {
      unitId,
      before: fromCents(beforeCents),
      after: fromCents(afterCents),
      delta: fromCents(afterCents - beforeCents),
      linesBefore: was.length,
      linesAfter: now.length,
      linesChanged:
        puts.filter((put) => put.line.unitId === unitId).length +
        deletes.filter((line) => line.unitId === unitId).length,
    };
  });
  return { puts, deletes, units };
}
