/**
 * Ranking cost growth: a city-year of 96 units and one ten times larger (short mode: five times),
 * bulk-loaded into fresh tables; the monthly ranking read path (the scores use case the API and
 * the monthly notice job share, wired as the job wires it) runs in-process against the local
 * DynamoDB. Items read are counted by a middleware on the job's own DynamoDB client.
 */
import { scoresDeps } from '../../functions/jobs/ranking-notice/deps';
import { rankingsOf } from '../../functions/scores/get-rankings/rankings-of';
import { documentClient } from '../../shared/store/dynamo/client';
import { loadCity } from '../load/index';
import { countDynamoReads, type ReadCount } from '../support/stack-counters';
import { startBenchEmulators } from '../support/stack-emulators';
import type { BenchOptions, BenchRow, Measure } from '../types';

const section = '排名成本 ranking cost';
const maxItemsPerUnit = 2;
const year = 2025;
/** A full month with a previous month in the same data. */
const period = `${year}-11`;

interface Run {
  units: number;
  items: number;
  read: ReadCount;
  /** Median over the repetitions, ms. */
  ms: number;
  loadSeconds: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function measureCity(
  emulators: Awaited<ReturnType<typeof startBenchEmulators>>,
  units: number,
  repetitions: number,
  log: BenchOptions['log'],
): Promise<Run> {
  const tableName = `bench-ranking-${units}`;
  const loader = await emulators.table(tableName);
  const loaded = await loadCity(loader, { units, year });
  log(
    `ranking: loaded ${units} units × ${year}: ${loaded.items} items, ${loaded.adopted} adopted, ` +
      `${loaded.bulletins} bulletins, ${loaded.rows} rows in ${loaded.seconds.toFixed(1)} s`,
  );
  const client = emulators.dynamoClient();
  const counter = countDynamoReads(client);
  const deps = scoresDeps({ client: documentClient(client), tableName });
  const rankOnce = async () => {
    const rankings = await rankingsOf(deps, { period });

    const ranked = rankings.reduce((sum, ranking) => sum + ranking.rows.length, 0);
    if (ranked !== units) throw new Error(`ranked ${ranked} units, loaded ${units}`);
  };
  await rankOnce(); // warm-up: connections, module state
  counter.reset();
  await rankOnce();
  const read = counter.read();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    await rankOnce();
    times.push(performance.now() - started);
  }
  return { units, items: loaded.items, read, ms: median(times), loadSeconds: loaded.seconds };
}

function readRow(run: Run): BenchRow {
  const perUnit = run.read.items / run.units;
  const detail = Object.entries(run.read.byCommand)
    .map(([command, items]) => `${command} ${items}`)
    .join(', ');
  return {
    section,
    name: `items read per unit, ${run.units} units (${run.items} items in the table)`,
    measured: `${round(perUnit)} items/unit (${run.read.items} items, ${run.read.calls} calls, scanned ${run.read.scanned})`,
    baseline: '—',
    // Against the goal: 1 means exactly 2 items per unit.
    ratio: round(perUnit / maxItemsPerUnit),
    goal: `≤ ${maxItemsPerUnit} items/unit`,
    pass: perUnit <= maxItemsPerUnit,
    note:
      `${detail}. A ranking reads the unit list (for names and the 零报送 units, which have no counters) ` +
      "and the units' counter rows of the period's year (`AGG#<year>`, every period's figures by name; " +
      "December, Q4 and the year also added to the next year's row), which hold the previous period's " +
      'figures for the change in rank too: 2 rows per unit, independent of the number of items.',
  };
}

export const measure: Measure = async (options) => {
  const sizes = options.short ? [96, 480] : [96, 960];
  const repetitions = options.short ? 7 : 15;
  const emulators = await startBenchEmulators();
  try {
    const runs: Run[] = [];
    for (const units of sizes) runs.push(await measureCity(emulators, units, repetitions, options.log));
    const [small, large] = runs;
    if (!small || !large) throw new Error('two cities expected');
    const perUnitSmall = small.ms / small.units;
    const perUnitLarge = large.ms / large.units;
    const factor = large.units / small.units;
    return [
      readRow(small),
      readRow(large),
      {
        section,
        name: `time per unit at ${factor}× (${large.units} units) vs 1× (${small.units} units)`,
        measured: `${round(perUnitLarge, 3)} ms/unit (${round(large.ms, 1)} ms)`,
        baseline: `${round(perUnitSmall, 3)} ms/unit (${round(small.ms, 1)} ms)`,
        ratio: round(perUnitLarge / perUnitSmall),
        goal: '≤ 1.2× per unit',
        pass: perUnitLarge <= 1.2 * perUnitSmall,
        note:
          `Median of ${repetitions} runs of the ${period} ranking (both classes) after a warm-up; two Queries ` +
          'whatever the size, so fixed per-call costs spread over more units and the time per unit falls. ' +
          `Bulk load: ${small.items} items in ${small.loadSeconds.toFixed(0)} s, ${large.items} in ${large.loadSeconds.toFixed(0)} s.`,
      },
    ];
  } finally {
    await emulators.close();
  }
};
