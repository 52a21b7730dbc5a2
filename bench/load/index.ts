/**
 * The bulk loader: a seeded city-year written straight to the table with parallel BatchWrite,
 * for benches that need a realistic volume of data without going through the API.
 */
import type { TableRef } from '../../shared/store/dynamo/client';
import { buildCity, type CityOptions, type CitySummary } from './city';
import { writeRows } from './write';

export type { CityOptions, CitySummary } from './city';

export async function loadCity(
  table: TableRef,
  options: CityOptions & { parallel?: number; progress?: boolean },
): Promise<CitySummary & { seconds: number }> {
  const started = performance.now();
  const { rows, summary } = buildCity(options);
  await writeRows(table, rows, summary.rows, {
    ...(options.parallel ? { parallel: options.parallel } : {}),
    ...(options.progress === false ? {} : { label: `载入 ${options.units} 个单位 × ${options.year} 年` }),
  });
  return { ...summary, seconds: (performance.now() - started) / 1000 };
}
