/**
 * Builds the Xinbao app: the stateful and the stateless stack, tagged, with the cdk-nag
 * AwsSolutions pack registered as a policy-validation plugin (synthesis fails on any finding
 * that is not acknowledged with a reason). `app.ts` synthesizes it; the infra tests build it too.
 */

import { App, type AppProps, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { defaultOfficeName } from '../../shared/config';
import { consoleDistDir } from '../local/services/console';
import { ConsoleStack } from './console-stack';
import { type ArchiveDomain, StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

/**
 * The region when context `xinbao:region` is not given: SES, EventBridge Scheduler, arm64 Lambda and
 * Node.js 24 are all available there. CDK_DEFAULT_REGION is deliberately not used: the CLI always
 * fills it in, with us-east-1 on a machine without AWS configuration, so "unset" never happens and
 * the deploy region would depend on whoever runs `cdk`.
 */
export const defaultRegion = 'ap-southeast-1';

/**
 * The sender when context `xinbao:mailFrom` is not given (cdk.json carries the same value). A
 * placeholder: before a real deployment set it to an address (or an address at a domain) verified
 * in SES in the deploy region, or every alert stays pending and finally fails.
 */
export const defaultMailFrom = 'xinbao@example.gov.cn';

/** Context keys (cdk.json or `cdk synth -c key=value`). */
export const contextKeys = {
  /** Deploy region (default ap-southeast-1). */
  region: 'xinbao:region',
  /** Sender address for mail (MAIL_FROM); default {@link defaultMailFrom}. */
  mailFrom: 'xinbao:mailFrom',
  /** 编发单位 printed on bulletins, e.g. 潍坊市人民政府办公室. */
  officeName: 'xinbao:officeName',
  /**
   * The web console's origin(s), comma-separated (`https://xinbao.example.gov.cn`, or the
   * XinbaoConsole stack's `ConsoleUrl` output): the only browser origins the HTTP API answers with
   * CORS and allowed to use presigned attachment URLs. None until configured: the console's own
   * distribution cannot be named there without a dependency cycle (see console-stack.ts).
   */
  consoleOrigin: 'xinbao:consoleOrigin',
  /** The operator's e-mail for alarms and bounce/complaint notices; no subscription when absent. */
  alarmEmail: 'xinbao:alarmEmail',
  /** The archive site's own domain (with archiveCertificateArn), e.g. `archive.example.gov.cn`. */
  archiveDomain: 'xinbao:archiveDomain',
  /** An ACM certificate in us-east-1 covering archiveDomain (CloudFront's requirement). */
  archiveCertificateArn: 'xinbao:archiveCertificateArn',
  /**
   * `domain` when the mailFrom address's domain (not the address itself) is the verified SES
   * identity: the user pool then names the domain identity as its mail source.
   */
  mailIdentity: 'xinbao:mailIdentity',
} as const;

export interface BuildAppOptions {
  /** Extra context, e.g. `aws:cdk:bundling-stacks: []` in tests; the CLI passes cdk.json itself. */
  readonly context?: AppProps['context'];
  readonly outdir?: string;
  /** Register the cdk-nag AwsSolutions plugin (default true). */
  readonly nag?: boolean;
  readonly env?: Environment;
  /** The built console to deploy (default console/dist; `app.ts` builds it first when stale). */
  readonly consoleDist?: string;
}

export function buildApp(options: BuildAppOptions = {}) {
  const app = new App({ context: options.context, outdir: options.outdir });
  const region: unknown = app.node.tryGetContext(contextKeys.region);
  const env: Environment = options.env ?? {
    // Unresolved (environment-agnostic account) when no credentials are around: synth needs none.
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: typeof region === 'string' && region !== '' ? region : defaultRegion,
  };

  const sender = mailFrom(app);
  const office = officeName(app);
  const origins = consoleOrigins(app);
  const stateful = new StatefulStack(app, 'XinbaoStateful', {
    env,
    description:
      'Xinbao: table, attachment and archive buckets, archive distribution, mail configuration, user pool',
    terminationProtection: true,
    attachmentOrigins: origins,
    mailFrom: sender,
    officeName: office,
    ...optional('mailVerifiedDomain', mailVerifiedDomain(app, sender)),
    ...optional('alarmEmail', alarmEmail(app)),
    ...optional('archiveDomain', archiveDomain(app)),
  });
  const stateless = new StatelessStack(app, 'XinbaoStateless', {
    env,
    description: 'Xinbao: functions, HTTP API, schedules, alarms',
    stateful,
    mailFrom: sender,
    officeName: office,
    consoleOrigins: origins,
  });
  const consoleSite = new ConsoleStack(app, 'XinbaoConsole', {
    env,
    description: 'Xinbao: the web console (S3 + CloudFront) and its config.json',
    stateful,
    stateless,
    distDir: options.consoleDist ?? consoleDistDir,
    allowedOrigins: origins,
  });
  Tags.of(app).add('project', 'xinbao');

  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stateful, stateless, console: consoleSite };
}

/** A setting by its `xinbao:` key, or by its bare name (`-c alarmEmail=…`) as a shorthand. */
function setting(app: App, key: keyof typeof contextKeys): unknown {
  return app.node.tryGetContext(contextKeys[key]) ?? app.node.tryGetContext(key);
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** `https://host[:port]` (http only for localhost): an origin, never `*` or a path. */
const originPattern = /^(https:\/\/[a-z0-9.-]+|http:\/\/(localhost|127\.0\.0\.1))(:\d+)?$/;

function consoleOrigins(app: App): string[] {
  const value = setting(app, 'consoleOrigin');
  if (value === undefined || value === '') return [];
  const list = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string' && originPattern.test(item))) {
    throw new Error(
      `context ${contextKeys.consoleOrigin} must be the console's origin(s), e.g. https://xinbao.example.gov.cn, got ${JSON.stringify(value)}`,
    );
  }
  return list;
}

function alarmEmail(app: App): string | undefined {
  const value = setting(app, 'alarmEmail');
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return value;
  throw new Error(`context ${contextKeys.alarmEmail} must be an email address, got ${JSON.stringify(value)}`);
}

function archiveDomain(app: App): ArchiveDomain | undefined {
  const domainName = setting(app, 'archiveDomain');
  const certificateArn = setting(app, 'archiveCertificateArn');
  if (domainName === undefined && certificateArn === undefined) return undefined;
  if (typeof domainName !== 'string' || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domainName)) {
    throw new Error(
      `context ${contextKeys.archiveDomain} must be a domain name, got ${JSON.stringify(domainName)}`,
    );
  }
  // CloudFront only takes certificates from us-east-1.
  if (
    typeof certificateArn !== 'string' ||
    !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(certificateArn)
  ) {
    throw new Error(
      `context ${contextKeys.archiveCertificateArn} must be the ARN of an ACM certificate in us-east-1 covering ${domainName}, got ${JSON.stringify(certificateArn)}`,
    );
  }
  return { domainName, certificateArn };
}

function mailFrom(app: App): string {
  const value: unknown = app.node.tryGetContext(contextKeys.mailFrom);
  if (value === undefined) return defaultMailFrom;
  if (typeof value === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return value;
  throw new Error(`context ${contextKeys.mailFrom} must be an email address, got ${JSON.stringify(value)}`);
}

/** The sender's domain when `xinbao:mailIdentity=domain` says that is the verified SES identity. */
function mailVerifiedDomain(app: App, sender: string): string | undefined {
  const value = setting(app, 'mailIdentity');
  if (value === undefined || value === '' || value === 'address') return undefined;
  if (value === 'domain') return sender.slice(sender.lastIndexOf('@') + 1);
  throw new Error(
    `context ${contextKeys.mailIdentity} must be address or domain, got ${JSON.stringify(value)}`,
  );
}

function officeName(app: App): string {
  const value: unknown = app.node.tryGetContext(contextKeys.officeName);
  return typeof value === 'string' && value.trim() ? value.trim() : defaultOfficeName;
}
