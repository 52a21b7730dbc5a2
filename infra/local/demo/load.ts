import { issueToken } from '../../../functions/tokens/issue-token/use-case';
import { createUnit } from '../../../functions/units/create-unit/use-case';
import type { Role } from '../../../shared/domain/roles';
import { unitCreate } from '../../../shared/schemas/units';
import type { TableRef } from '../../../shared/store/dynamo/client';
import { DynamoTokenStore } from '../../../shared/store/dynamo/tokens';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import { writeEnvFile } from '../env';
import { type DemoTokens, demoTokensFile, readDemoTokens } from './tokens-file';
import { demoCity, demoUnits } from './units';

/** A few writes at a time: quick, without queueing a hundred requests on the emulator at once. */
async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work));
  }
}

/**
 * First start only: the demo city's units (through the createUnit use case, as the API would)
 * and one token per role (through issueToken). Later starts read the tokens back from the file.
 */
export async function loadDemoData(options: {
  table: TableRef;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<DemoTokens> {
  const log = options.log ?? (() => {});
  const units = new DynamoUnitStore(options.table);
  const deps = { units, tokens: new DynamoTokenStore(options.table), now: () => new Date() };

  if ((await units.list()).length === 0) {
    await inBatches(demoUnits, 8, (unit) => createUnit(deps, unitCreate.parse(unit)));
    log(`已载入演示单位 ${demoUnits.length} 个（${demoCity.name}）/ loaded ${demoUnits.length} demo units`);
  }

  const existing = await readDemoTokens(options.dataDir);
  if (existing) return existing;

  const reporterUnit = demoUnits.find((unit) => unit.class === 'county');
  if (!reporterUnit) throw new Error('the demo data has no county');
  const issue = async (role: Role, label: string, unitId?: string) =>
    (await issueToken(deps, { role, label, ...(unitId ? { unitId } : {}) }, 'bootstrap')).token;
  const tokens: DemoTokens = {
    ADMIN_TOKEN: await issue('admin', '演示 系统管理员'),
    EDITOR_TOKEN: await issue('editor', '演示 信息科编辑'),
    LEADER_TOKEN: await issue('leader', '演示 领导'),
    REPORTER_TOKEN: await issue('reporter', `演示 信息员（${reporterUnit.name}）`, reporterUnit.id),
    REPORTER_UNIT: reporterUnit.id,
  };
  await writeEnvFile(
    demoTokensFile(options.dataDir),
    { ...tokens },
    '信报本地演示令牌（仅供本机演示，勿用于生产）/ Xinbao local demo tokens — demo only',
  );
  return tokens;
}
