/**
 * Admin CLI: `npm run xinbao -- <command>`. It works on the table directly (through the same
 * use cases as the API), so it can also issue the very first admin token.
 */
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { AppError } from '../../shared/errors';
import { issuesToDetails } from '../../shared/http/request';
import { archiveRebuild } from './archive';
import {
  peopleCreateAdmin,
  peopleImport,
  runJob,
  tokensIssue,
  tokensList,
  tokensRevoke,
  unitsCreate,
  unitsImport,
  unitsList,
} from './commands';
import { applyCloudFlags, loadEnvironment } from './environment';

const usage = `用法：npm run xinbao -- <命令> [选项]

  units list                                   列出全部单位
  units create --id <编号> --name <名称> --class county|department
               [--contact-name 姓名 --contact-phone 电话 --contact-email 邮箱] [--head-email 邮箱]
  units import <文件.csv>                       从 CSV 导入（表头：编号,名称,类别,信息员,电话,邮箱,负责人邮箱）
  people import <文件.csv> [--passwords <文件>]   从单位 CSV 的信息员列（编号,信息员,电话,邮箱[,用户名]）批量建信息员账号；可重复运行
  people create-admin --username <用户名> --name <姓名> --email <邮箱> [--phone 电话] [--passwords <文件>]
                                               建第一个系统管理员账号（云上加 --table 与 --user-pool，由用户池发邀请邮件）
  tokens issue --role admin|editor|leader|reporter --label <用途> [--unit <单位编号>]
  tokens list                                  列出令牌（不含明文）
  tokens revoke <令牌编号>                       吊销令牌
  job <任务名> [--time <ISO 时间>] [--period <统计期>]  手动运行定时任务（如 job heartbeat、job ranking --period 2026-10）
  archive rebuild                              重新生成整个公开档案网站（全部年度、各期页面与检索索引）

  通用选项：--data <目录>  本地数据目录（默认 .data），未设置 TABLE_NAME 时从其中的 local.env 连接本地系统
            --table <表名> --user-pool <用户池编号>  连接云上系统（XinbaoStateful 的 TableName、UserPoolId 输出），
                                               代替 TABLE_NAME、USER_POOL_ID 环境变量；区域取自用户池编号`;

const print = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string', default: '.data' },
      id: { type: 'string' },
      name: { type: 'string' },
      class: { type: 'string' },
      'contact-name': { type: 'string' },
      'contact-phone': { type: 'string' },
      'contact-email': { type: 'string' },
      'head-email': { type: 'string' },
      role: { type: 'string' },
      label: { type: 'string' },
      unit: { type: 'string' },
      time: { type: 'string' },
      period: { type: 'string' },
      username: { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
      passwords: { type: 'string' },
      table: { type: 'string' },
      'user-pool': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [group, action, argument] = positionals;
  if (values.help || !group) {
    print(usage);
    return values.help ? 0 : 2;
  }
  applyCloudFlags({ table: values.table, userPool: values['user-pool'] });
  process.stderr.write(`连接：${loadEnvironment(values.data ?? '.data')}\n`);
  const command = `${group} ${action ?? ''}`.trim();
  switch (command) {
    case 'units list':
      await unitsList(print);
      return 0;
    case 'units create':
      await unitsCreate(values, print);
      return 0;
    case 'units import':
      if (!argument) throw new Error('请给出 CSV 文件路径');
      return unitsImport(argument, print);
    case 'people import':
      if (!argument) throw new Error('请给出 CSV 文件路径');
      return peopleImport(argument, values, print);
    case 'people create-admin':
      await peopleCreateAdmin(values, print);
      return 0;
    case 'tokens issue':
      await tokensIssue(values, print);
      return 0;
    case 'tokens list':
      await tokensList(print);
      return 0;
    case 'tokens revoke':
      if (!argument) throw new Error('请给出令牌编号');
      await tokensRevoke(argument, print);
      return 0;
    case 'archive rebuild':
      await archiveRebuild(print);
      return 0;
    default:
      if (group === 'job' && action) {
        await runJob(action, values, print);
        return 0;
      }
      print(usage);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof z.core.$ZodError) {
      for (const detail of issuesToDetails(error.issues))
        process.stderr.write(`错误：${detail.path} ${detail.message}\n`);
    } else if (error instanceof AppError) {
      process.stderr.write(`错误（${error.code}）：${error.message}\n`);
    } else {
      process.stderr.write(`错误：${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exit(1);
  },
);
