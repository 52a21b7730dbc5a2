/**
 * `npx tsx bench/load/main.ts --units 96 [--year 2025] [--seed 1] [--data .data]`: bulk-loads a
 * seeded city-year into the running local stack's table (or the TABLE_NAME the environment
 * names), with a progress bar on stderr. Refuses a table that already has published bulletins:
 * the loader sets the series numbering and would clash with them.
 */
import { parseArgs } from 'node:util';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { loadEnvironment } from '../../infra/cli/environment';
import { defaultSeries } from '../../shared/domain/series';
import { tableFromEnvironment } from '../../shared/store/dynamo/client';
import { keys } from '../../shared/store/dynamo/keys';
import { loadCity } from './index';

const usage = 'npx tsx bench/load/main.ts --units <N> [--year 2025] [--seed <n>] [--data .data]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      units: { type: 'string' },
      year: { type: 'string', default: String(new Date().getFullYear() - 1) },
      seed: { type: 'string' },
      data: { type: 'string', default: '.data' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const units = Number(values.units);
  const year = Number(values.year);
  if (values.help || !Number.isInteger(units) || units < 1 || !Number.isInteger(year)) {
    console.log(`用法 usage: ${usage}`);
    return values.help ? 0 : 2;
  }
  process.stderr.write(`连接：${loadEnvironment(values.data ?? '.data')}\n`);
  const table = tableFromEnvironment();
  for (const series of defaultSeries) {
    const { Item } = await table.client.send(
      new GetCommand({ TableName: table.tableName, Key: keys.seriesCounter(series.seriesId) }),
    );
    if (Item) {
      console.error('这张表里已有发布过的期刊，批量载入会打乱期号；请用新的数据目录（npm start -- --fresh）');
      return 1;
    }
  }
  const summary = await loadCity(table, {
    units,
    year,
    ...(values.seed ? { seed: Number(values.seed) } : {}),
  });
  console.log(
    `已载入 ${summary.units} 个单位、${summary.items} 篇稿件（采用 ${summary.adopted}）、${summary.bulletins} 期、` +
      `${summary.ledgerLines} 条积分明细，共 ${summary.rows} 行，用时 ${summary.seconds.toFixed(1)} 秒`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
