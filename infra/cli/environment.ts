import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { envNames } from '../../shared/config';

/** Where the CLI works when pointed at AWS by flags instead of the environment. */
export interface CloudFlags {
  /** The table (the stateful stack's `TableName` output). */
  table?: string | undefined;
  /** The user pool (the stateful stack's `UserPoolId` output), for `people` commands. */
  userPool?: string | undefined;
}

/** A Cognito user pool id: `<region>_<id>`, e.g. `ap-southeast-1_AbCdEf123`. */
const userPoolIdPattern = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9A-Za-z]+$/;

/**
 * `--table` and `--user-pool` stand for TABLE_NAME and USER_POOL_ID (the stack outputs of the same
 * names). The pool id starts with its region, which becomes AWS_REGION when none is set, so
 * `people create-admin --table … --user-pool …` needs nothing else but credentials.
 */
export function applyCloudFlags(flags: CloudFlags): void {
  if (flags.table) process.env[envNames.tableName] = flags.table;
  if (flags.userPool) {
    const region = userPoolIdPattern.exec(flags.userPool)?.[1];
    if (!region) {
      throw new Error(
        `--user-pool 须为用户池编号（如 ap-southeast-1_AbCdEf123，见 XinbaoStateful 的 UserPoolId 输出），收到 ${flags.userPool}`,
      );
    }
    process.env[envNames.userPoolId] = flags.userPool;
    process.env.AWS_REGION ||= region;
  }
}

/**
 * The CLI talks to the table the environment names. With no TABLE_NAME set it reads the
 * endpoints a running local stack wrote to `<data>/local.env`; in the cloud, set TABLE_NAME
 * (or `--table`) and AWS credentials instead.
 */
export function loadEnvironment(dataDir: string): string {
  if (process.env.TABLE_NAME) {
    const pool = process.env[envNames.userPoolId];
    return `表 ${process.env.TABLE_NAME}${pool ? `，用户池 ${pool}` : ''}（环境变量或选项）`;
  }
  const file = resolve(dataDir, 'local.env');
  if (!existsSync(file)) {
    throw new Error(
      `未设置 TABLE_NAME，也找不到 ${file}：请先运行 npm start，或用 --table（及 --user-pool）与 AWS 凭证连接云上系统`,
    );
  }
  process.loadEnvFile(file);
  return `本地系统（${file}）`;
}
