import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The CLI talks to the table the environment names. With no TABLE_NAME set it reads the
 * endpoints a running local stack wrote to `<data>/local.env`; in the cloud, set TABLE_NAME
 * and AWS credentials instead.
 */
export function loadEnvironment(dataDir: string): string {
  if (process.env.TABLE_NAME) return `表 ${process.env.TABLE_NAME}（环境变量）`;
  const file = resolve(dataDir, 'local.env');
  if (!existsSync(file)) {
    throw new Error(`未设置 TABLE_NAME，也找不到 ${file}：请先运行 npm start，或设置 TABLE_NAME 与 AWS 凭证`);
  }
  process.loadEnvFile(file);
  return `本地系统（${file}）`;
}
