/**
 * `npm start`: the whole Xinbao system on this machine, no cloud account needed.
 *   --port <P>       base port (default 4000): API P, archive P+1, mailbox P+2, S3 P+3, DynamoDB P+4,
 *                    Cognito (cognito-local) P+5, console P+6
 *   --data <folder>  data folder (default .data in the project root); kept across restarts
 *   --fresh          wipe the data folder first
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoAccountsFile } from './demo/accounts';
import { demoTokensFile } from './demo/tokens-file';
import { StartupError } from './errors';
import { projectRoot } from './paths';
import { type LocalStack, startLocalStack } from './stack';

const usage = 'npm start -- [--port 4000] [--data .data] [--fresh]';

function parse() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4000' },
        data: { type: 'string', default: resolve(projectRoot, '.data') },
        fresh: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new StartupError(`${error instanceof Error ? error.message : String(error)}\n用法 usage: ${usage}`);
  }
}

function options() {
  const values = parse();
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_530) {
    throw new StartupError(
      `--port 应为 0–65530 之间的整数 / --port must be an integer 0–65530, got "${values.port}"`,
    );
  }
  return { port, dataDir: resolve(values.data), fresh: values.fresh, help: values.help };
}

function banner(stack: LocalStack, dataDir: string, seconds: number): string[] {
  const { urls, demoTokens } = stack;
  const lines = [
    `信报 Xinbao 本地环境已启动 / local stack is up (${seconds.toFixed(1)} s)`,
    ...(urls.console ? [`  控制台 Console:           ${urls.console}`] : []),
    `  接口 API:                 ${urls.api}`,
    `  接口文档 OpenAPI:         ${urls.openapi}`,
    `  信息公开站 Archive site:  ${urls.archive}`,
    `  邮箱 Mailbox:             ${urls.mailbox}`,
    `  数据目录 Data folder:     ${dataDir}`,
  ];
  const { userPool, demoAccounts } = stack;
  lines.push(
    '',
    '人员登录 Sign-in (cognito-local, InitiateAuth USER_PASSWORD_AUTH):',
    `  COGNITO_ENDPOINT=${userPool.endpoint}`,
    `  USER_POOL_ID=${userPool.userPoolId}`,
    `  USER_POOL_CLIENT_ID=${userPool.clientId}`,
  );
  if (demoAccounts) {
    // Usernames only: the passwords stay in the file (0600), never on the console.
    lines.push(
      `  演示账号 Demo accounts (密码见 passwords in ${demoAccountsFile(dataDir)}):`,
      `    系统管理员 admin ${demoAccounts.ADMIN_USERNAME} · 编辑 editor ${demoAccounts.EDITOR_USERNAME} · 领导 leader ${demoAccounts.LEADER_USERNAME}`,
      `    信息员 reporter ${demoAccounts.REPORTER_USERNAME} · 单位管理员 unit-admin ${demoAccounts.UNIT_ADMIN_USERNAME}`,
    );
  }
  if (demoTokens) {
    lines.push(
      '',
      `演示令牌 Demo tokens (信息员所属单位 reporter's unit: ${demoTokens.REPORTER_UNIT}; 另见 also in ${demoTokensFile(dataDir)}):`,
      `ADMIN_TOKEN=${demoTokens.ADMIN_TOKEN}`,
      `EDITOR_TOKEN=${demoTokens.EDITOR_TOKEN}`,
      `LEADER_TOKEN=${demoTokens.LEADER_TOKEN}`,
      `REPORTER_TOKEN=${demoTokens.REPORTER_TOKEN}`,
    );
  }
  lines.push('', '按 Ctrl-C 停止 / press Ctrl-C to stop');
  return lines;
}

async function main(): Promise<void> {
  const { port, dataDir, fresh, help } = options();
  if (help) {
    console.log(usage);
    return;
  }
  const log = (line: string) => console.log(line);
  const stack = await startLocalStack({ port, dataDir, fresh, log, console: true });
  console.log(banner(stack, dataDir, process.uptime()).join('\n'));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n正在停止 / stopping (${signal}) …`);
    // Never hang on the way out: whatever is still open after a few seconds is cut.
    setTimeout(() => process.exit(1), 8000).unref();
    stack.stop().then(
      () => {
        console.log('已停止 / stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // A user mistake needs only its message; anything else needs its stack to be fixed.
  const detail =
    error instanceof StartupError ? error.message : error instanceof Error ? error.stack : String(error);
  console.error(`启动失败 / failed to start: ${detail}`);
  process.exit(1);
});
