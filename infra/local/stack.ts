import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { consoleIdleMinutes } from '../../shared/catalogue/console';
import { functionNames } from '../../shared/catalogue/functions';
import { documentClient } from '../../shared/store/dynamo/client';
import { ensureArchiveHome, startArchiveSite } from './archive-site';
import { localDynamoClient, localS3Client } from './aws';
import { lockDataDir, prepareDataDir } from './data-dir';
import { type DemoAccounts, loadDemoAccounts } from './demo/accounts';
import { loadDemoData } from './demo/load';
import type { DemoTokens } from './demo/tokens-file';
import { parseFaultPlan } from './dynamo/faults';
import { startLocalDynamo } from './dynamo/index';
import {
  applyEnvironment,
  cognitoEndpointEnv,
  handlerEnvironment,
  localFaultsEnv,
  localNames,
  writeEnvFile,
} from './env';
import { StartupError } from './errors';
import { createGateway } from './gateway/server';
import { ensureLocalUserPool, type LocalUserPool, localCognitoClient } from './identity';
import { catalogueFunctionHost } from './lambda/catalogue';
import { createInvokeServer } from './lambda/invoke-server';
import { enforceTableAccess } from './lambda/table-guard';
import { assertPortsFree, planPorts } from './ports';
import { allowBrowserOrigins, ensureBucket, ensureTable } from './provision';
import { type DeliveryResult, type RegisteredSchedule, startScheduler } from './scheduler';
import { startCognito } from './services/cognito';
import { type ConsoleServer, ensureConsoleBuilt, startConsoleServer } from './services/console';
import { startS3 } from './services/s3';
import { startSes } from './services/ses';
import { startUsage, usageEnv } from './usage';

export interface LocalStackOptions {
  /**
   * Base port: API P, archive P+1, mailbox P+2, S3 P+3, DynamoDB P+4, Cognito P+5, console
   * P+6; 0 = every
   * service on a free port.
   */
  port: number;
  dataDir: string;
  /** Wipe the data folder first. */
  fresh?: boolean;
  /** Load the demo units, tokens and accounts (default true). */
  demo?: boolean;
  /** Run the declared schedules (default true). */
  scheduler?: boolean;
  log?: (line: string) => void;
  /**
   * More browser origins allowed to call the API and use presigned attachment URLs, besides the
   * locally served console's.
   */
  consoleOrigins?: readonly string[];
  /** Build (if its sources changed) and serve the web console (default false; `npm start` serves it). */
  console?: boolean;
}

export interface LocalStack {
  urls: {
    api: string;
    openapi: string;
    archive: string;
    mailbox: string;
    s3: string;
    dynamodb: string;
    cognito: string;
    console?: string;
  };
  /** The local user pool people sign in to. */
  userPool: LocalUserPool;
  demoTokens?: DemoTokens;
  /** One person per role, with the username and password in `<data>/demo-accounts.env`. */
  demoAccounts?: DemoAccounts;
  servedRouteKeys(): string[];
  schedules(): RegisteredSchedule[];
  /** Delivers one scheduled event now, retries included, as a cron tick would (needs the scheduler). */
  runSchedule(name: string, scheduledTime?: Date): Promise<DeliveryResult>;
  stop(): Promise<void>;
}

const bindHost = '127.0.0.1';
const url = (port: number) => `http://localhost:${port}`;

/**
 * The whole system on one machine: DynamoDB (dynalite + transactions), S3 (s3rver, child
 * process), SES (with its mailbox page), the user pool (cognito-local, child process), the gateway in front of the catalogue's handlers, the
 * scheduler and the archive site. Sets process.env for the handlers, so one stack per process.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => {});
  const closers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const close of closers.splice(0).reverse()) {
      await close().catch((error: unknown) => log(`停止时出错 / error while stopping: ${String(error)}`));
    }
  };

  try {
    const { dataDir } = options;
    await prepareDataDir(dataDir, options.fresh ?? false);
    closers.push(await lockDataDir(dataDir));
    const ports = planPorts(options.port);
    await assertPortsFree(ports, bindHost);
    const faults = faultPlanFromEnvironment();

    const cognitoDir = join(dataDir, 'cognito');
    const [dynamo, s3, ses, cognito] = await Promise.allSettled([
      startLocalDynamo({ port: ports.dynamodb, host: bindHost, dataDir: join(dataDir, 'dynamodb'), faults }),
      startS3({ port: ports.s3, host: bindHost, directory: join(dataDir, 's3') }),
      startSes({ port: ports.mailbox, host: bindHost, mailFile: join(dataDir, 'mailbox.jsonl') }),
      startCognito({ port: ports.cognito, host: bindHost, directory: cognitoDir }),
    ]);
    for (const service of [dynamo, s3, ses, cognito]) {
      if (service.status === 'fulfilled') closers.push(service.value.close);
    }
    if (dynamo.status === 'rejected') throw dynamo.reason;
    if (s3.status === 'rejected') throw s3.reason;
    if (ses.status === 'rejected') throw ses.reason;
    if (cognito.status === 'rejected') throw cognito.reason;
    const cognitoClient = localCognitoClient(cognito.value.endpoint);
    closers.push(async () => cognitoClient.destroy());
    const userPool = await ensureLocalUserPool(cognitoClient, cognito.value.endpoint, cognitoDir);
    // Counting what AWS would bill is for the bench's bill; off by default.
    if (process.env[usageEnv] === '1') startUsage({ s3: s3.value.endpoint, ses: ses.value.endpoint });

    // Handler modules load lazily (preload below), so the host can exist before their environment.
    const functions = catalogueFunctionHost();
    // Each function reaches only the table rows its catalogue entry declares, as its IAM role does.
    const stopGuard = enforceTableAccess((denied) => log(`拒绝访问 / access denied: ${denied.message}`));
    closers.push(async () => {
      stopGuard();
    });
    // The Lambda Invoke API for function-to-function calls (the mailer), on a free internal port.
    const invoke = createInvokeServer({ functions, names: functionNames, log });
    const invokePort = await invoke.listen(0, bindHost);
    closers.push(invoke.close);

    const env = handlerEnvironment({
      dynamodb: dynamo.value.endpoint,
      s3: s3.value.endpoint,
      ses: ses.value.endpoint,
      lambda: `http://${bindHost}:${invokePort}`,
      userPool,
      ...(ports.archive ? { archive: url(ports.archive) } : {}),
    });
    applyEnvironment(env);
    const envFile = join(dataDir, 'local.env');
    await writeEnvFile(
      envFile,
      { ...env, [cognitoEndpointEnv]: userPool.endpoint },
      '信报本地环境（npm start 写入）/ written by npm start for the admin CLI',
    );
    // Gone with the stack: the CLI then says "start it first" instead of failing to connect.
    closers.push(() => rm(envFile, { force: true }));

    const dynamoClient = localDynamoClient(dynamo.value.endpoint);
    const s3Client = localS3Client(s3.value.endpoint);
    closers.push(async () => {
      dynamoClient.destroy();
      s3Client.destroy();
    });
    await Promise.all([
      ensureTable(dynamoClient, localNames.table),
      ensureBucket(s3Client, localNames.attachmentsBucket),
      ensureBucket(s3Client, localNames.archiveBucket),
    ]);

    const table = { client: documentClient(dynamoClient), tableName: localNames.table };
    const [, demoTokens] = await Promise.all([
      functions.preload(),
      options.demo === false ? undefined : loadDemoData({ table, dataDir, log }),
      ensureArchiveHome(s3Client, localNames.archiveBucket),
    ]);
    // After the demo units: the reporter and the unit-admin belong to the demo reporter's unit.
    const demoAccounts = demoTokens
      ? await loadDemoAccounts({
          table,
          cognito: cognitoClient,
          userPoolId: userPool.userPoolId,
          unitId: demoTokens.REPORTER_UNIT,
          dataDir,
          log,
        })
      : undefined;

    const archive = await startArchiveSite({
      client: s3Client,
      bucket: localNames.archiveBucket,
      port: ports.archive,
      host: bindHost,
      log,
    });
    closers.push(archive.close);

    const scheduler = options.scheduler === false ? undefined : startScheduler({ functions, log });
    if (scheduler) closers.push(scheduler.stop);

    // Faults only once our own start-up writes are done: a test stack must come up reliably.
    if (faults.throttle > 0) {
      dynamo.value.faults.arm();
      log(
        `故障注入 / fault injection: ${Math.round(faults.throttle * 1000) / 10}% of DynamoDB calls throttled`,
      );
    }

    // The console's origin must be known before the gateway answers its first preflight.
    let apiUrl = '';
    let consoleServer: ConsoleServer | undefined;
    if (options.console) {
      await ensureConsoleBuilt(log);
      consoleServer = await startConsoleServer({
        port: ports.console,
        host: bindHost,
        config: () => ({
          apiUrl,
          cognitoEndpoint: userPool.endpoint,
          userPoolClientId: userPool.clientId,
          idleMinutes: consoleIdleMinutes,
        }),
        extraOrigins: () => [s3.value.endpoint],
      });
      closers.push(consoleServer.close);
    }
    const browserOrigins = [...(consoleServer ? [consoleServer.url] : []), ...(options.consoleOrigins ?? [])];

    // Last: once the API answers, everything behind it is ready.
    const gateway = createGateway({ functions, log, corsOrigins: browserOrigins });
    const apiPort = await gateway.listen(ports.api, bindHost);
    apiUrl = url(apiPort);
    closers.push(gateway.close);
    // S3 wants at least one origin in a CORS rule: without a console, the API's own.
    await allowBrowserOrigins(
      s3Client,
      localNames.attachmentsBucket,
      browserOrigins.length > 0 ? browserOrigins : [apiUrl],
    );

    let stopping: Promise<void> | undefined;
    return {
      urls: {
        api: url(apiPort),
        openapi: `${url(apiPort)}/openapi.json`,
        archive: archive.url,
        mailbox: url(Number(new URL(ses.value.endpoint).port)),
        s3: s3.value.endpoint,
        dynamodb: dynamo.value.endpoint,
        cognito: cognito.value.endpoint,
        ...(consoleServer ? { console: consoleServer.url } : {}),
      },
      userPool,
      ...(demoTokens ? { demoTokens } : {}),
      ...(demoAccounts ? { demoAccounts } : {}),
      servedRouteKeys: () => gateway.servedRouteKeys(),
      schedules: () => scheduler?.registered() ?? [],
      runSchedule: async (name, scheduledTime = new Date()) => {
        if (!scheduler) throw new Error('the scheduler is off in this stack');
        return scheduler.deliver(name, scheduledTime);
      },
      stop: () => {
        stopping ??= stopAll();
        return stopping;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function faultPlanFromEnvironment() {
  try {
    return parseFaultPlan(process.env[localFaultsEnv]);
  } catch (error) {
    throw new StartupError(error instanceof Error ? error.message : String(error));
  }
}
