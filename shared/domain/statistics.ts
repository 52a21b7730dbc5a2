/**
 * Annual statistics (年度统计): received, issues, items in issues, upper-level adoptions by
 * publication and 批示 by level — for the city and per unit — summed exactly from the counters
 * kept with every fact and from the year's published issues. Per unit, a merged item counts for
 * each unit it credits; for the city, once. Pure.
 */
export interface UnitCounters {
  unitId: string;
  name: string;
  unitClass: string;
  counters: Record<string, number>;
}

export interface IssueSummary {
  seriesId: string;
  itemCount: number;
}

function breakdown(counters: Record<string, number>, prefix: string): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [name, value] of Object.entries(counters)) {
    if (name.startsWith(prefix) && value) result[name.slice(prefix.length)] = value;
  }
  return result;
}

function addInto(target: Record<string, number>, source: Record<string, number>) {
  for (const [key, value] of Object.entries(source)) target[key] = (target[key] ?? 0) + value;
}

export function annualStatistics(year: number, units: UnitCounters[], issues: IssueSummary[]) {
  const rows = units.map((unit) => ({
    unitId: unit.unitId,
    name: unit.name,
    unitClass: unit.unitClass,
    received: unit.counters.submitted ?? 0,
    adopted: unit.counters.adopted ?? 0,
    upperAdopted: unit.counters.upperAdopted ?? 0,
    upperByPublication: breakdown(unit.counters, 'upperBy:'),
    instructions: unit.counters.instructions ?? 0,
    instructionsByLevel: breakdown(unit.counters, 'instructionsBy:'),
  }));
  const bySeries: Record<string, number> = {};
  for (const issue of issues) bySeries[issue.seriesId] = (bySeries[issue.seriesId] ?? 0) + 1;
  // City figures count an item once however many units it credits: the item-level counters,
  // kept on the lead unit's row only, never the sum of the per-unit ones.
  const upperByPublication: Record<string, number> = {};
  const instructionsByLevel: Record<string, number> = {};
  for (const unit of units) {
    addInto(upperByPublication, breakdown(unit.counters, 'upperItemsBy:'));
    addInto(instructionsByLevel, breakdown(unit.counters, 'instructionItemsBy:'));
  }
  const sum = (pick: (row: (typeof rows)[number]) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  const items = (name: string) => units.reduce((total, unit) => total + (unit.counters[name] ?? 0), 0);
  return {
    year,
    city: {
      received: sum((row) => row.received),
      issues: issues.length,
      issuesBySeries: bySeries,
      itemsInIssues: issues.reduce((total, issue) => total + issue.itemCount, 0),
      upperAdopted: items('upperItems'),
      upperByPublication,
      instructions: items('instructionItems'),
      instructionsByLevel,
    },
    units: rows,
  };
}
