/**
 * The house Lambda construct: every Xinbao function is built here, from its catalogue
 * declaration, the same way — Node.js 24 on arm64, ESM bundle with the AWS SDK inside, its own
 * log group, its own role holding only the grants its declared `access` implies, and an alarm
 * on its errors.
 */
import path from 'node:path';
import { Arn, ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { FunctionDeclaration, StoreAccess } from '../../shared/catalogue/functions';
import { type TableAccess, tableActions, tablePatterns } from '../../shared/catalogue/table-access';
import { type UserPoolAccess, userPoolActions } from '../../shared/catalogue/user-pool';
import { envNames } from '../../shared/config';
import { lambdaBundling, projectRoot } from './bundling';
import { acknowledgeBucketGrant } from './nag';

/** Where outgoing mail comes from: the SES configuration set and the verified sender. */
export interface MailSettings {
  readonly configurationSet: ses.IConfigurationSet;
  /** The sender address (MAIL_FROM); its address or its domain must be a verified SES identity. */
  readonly fromAddress: string;
}

/** The user pool people sign in to, with what the functions touching it are told. */
export interface UserPoolSettings {
  readonly userPool: cognito.IUserPool;
  /** The console's app client: the only audience the authorizer accepts. */
  readonly client: cognito.IUserPoolClient;
  /** The access tokens' issuer (USER_POOL_ISSUER). */
  readonly issuer: string;
  /** Roles whose people must have TOTP activated (REQUIRE_MFA_ROLES for the authorizer). */
  readonly requireMfaRoles: readonly string[];
}

/** The stores a function may be granted; only those its declaration names are used. */
export interface XinbaoFunctionResources {
  readonly table?: dynamodb.ITable;
  readonly attachmentsBucket?: s3.IBucket;
  readonly archiveBucket?: s3.IBucket;
  readonly mail?: MailSettings;
  /** Plain settings (office name, archive URL) for functions that render or mail bulletins. */
  readonly publishing?: Readonly<Record<string, string>>;
  readonly userPool?: UserPoolSettings;
}

export interface XinbaoFunctionProps {
  /** The catalogue name (`units`, `heartbeat` …), used in descriptions and alarm names. */
  readonly name: string;
  readonly declaration: FunctionDeclaration;
  readonly resources: XinbaoFunctionResources;
  /** @default the repository root */
  readonly projectRoot?: string;
  /** @default six months (China's Cybersecurity Law minimum for network logs) */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * The variable naming a function another one may invoke (`invokes: ['mailer']` → MAILER_FUNCTION_NAME);
 * the local runtime sets the same variable to the catalogue name.
 */
export function functionNameEnv(target: string): string {
  return `${target.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}_FUNCTION_NAME`;
}

/**
 * Environment every function gets, whatever it touches. No `--enable-source-maps`: Node would
 * read and parse the bundle's map on every cold start. The map still ships next to the bundle;
 * set NODE_OPTIONS=--enable-source-maps on a function while debugging it.
 */
export const baseEnvironment = {
  POWERTOOLS_SERVICE_NAME: 'xinbao',
  POWERTOOLS_LOG_LEVEL: 'INFO',
} as const;

function required<T>(value: T | undefined, what: string, fn: string): T {
  if (value === undefined) throw new Error(`function ${fn} declares ${what} access but no ${what} was given`);
  return value;
}

export class XinbaoFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly errorsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: XinbaoFunctionProps) {
    super(scope, id);
    const { name, declaration, resources } = props;
    const root = props.projectRoot ?? projectRoot;
    const access = declaration.access;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.SIX_MONTHS,
    });

    // An explicit role instead of the default one: the default attaches the managed
    // AWSLambdaBasicExecutionRole (logs:CreateLogGroup on *), this one may only write its own log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Xinbao ${name} function`,
    });
    this.logGroup.grantWrite(this.role);

    const environment: Record<string, string> = { ...baseEnvironment };
    if (access.table) {
      const table = required(resources.table, 'table', name);
      grantTable(table, this.role, access.table);
      environment[envNames.tableName] = table.tableName;
    }
    if (access.attachments) {
      const bucket = required(resources.attachmentsBucket, 'attachments', name);
      grantBucket(bucket, this.role, access.attachments, 'attachments');
      environment[envNames.attachmentsBucket] = bucket.bucketName;
    }
    if (access.archive) {
      const bucket = required(resources.archiveBucket, 'archive', name);
      grantBucket(bucket, this.role, access.archive, 'archive');
      environment[envNames.archiveBucket] = bucket.bucketName;
    }
    if (access.mail) {
      const mail = required(resources.mail, 'mail', name);
      grantSendMail(this.role, mail);
      environment[envNames.mailFrom] = mail.fromAddress;
      environment[envNames.mailConfigurationSet] = mail.configurationSet.configurationSetName;
    }
    if (access.mail || access.archive) Object.assign(environment, resources.publishing ?? {});
    if (access.userPool) {
      const pool = required(resources.userPool, 'userPool', name);
      grantUserPool(this.role, pool.userPool, access.userPool);
      Object.assign(environment, userPoolEnvironment(pool, access.userPool));
    }

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(root, declaration.entry),
      handler: 'handler',
      projectRoot: root,
      depsLockFilePath: path.join(root, 'package-lock.json'),
      description: declaration.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: declaration.memoryMb,
      timeout: Duration.seconds(declaration.timeoutSeconds),
      role: this.role,
      logGroup: this.logGroup,
      environment,
      bundling: lambdaBundling(root),
    });
    // CDK adds DependsOn [role, role policy]; the role half duplicates the GetAtt on Role, which
    // cfn-lint reports as W3005. The DependsOn is harmless and CDK's to manage, so only the
    // warning is silenced, on this resource alone.
    const cfnFunction = this.function.node.defaultChild;
    if (cfnFunction instanceof lambda.CfnFunction) {
      cfnFunction.addMetadata('cfn-lint', { config: { ignore_checks: ['W3005'] } });
    }

    this.errorsAlarm = new cloudwatch.Alarm(this, 'ErrorsAlarm', {
      alarmDescription: `Xinbao ${name}: the function reported errors (uncaught exceptions or timeouts).`,
      metric: this.function.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  /**
   * Lets this function invoke `target` (its `access.invokes`): `lambda:InvokeFunction` on the
   * target's unqualified ARN only (no versions or aliases, so no wildcard), and the target's
   * physical name in `<TARGET>_FUNCTION_NAME`.
   */
  allowInvoke(targetName: string, target: XinbaoFunction): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [target.function.functionArn],
      }),
    );
    this.function.addEnvironment(functionNameEnv(targetName), target.function.functionName);
  }
}

const leadingKeys = (patterns: readonly string[]) => ({
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...patterns] },
});

/**
 * Fine-grained table access: each statement names its actions and the partition-key patterns it
 * may reach (`dynamodb:LeadingKeys`). Transactions need no statement of their own: AWS authorises
 * each Put/Update/Delete/ConditionCheck of one as PutItem/UpdateItem/DeleteItem/
 * ConditionCheckItem ("Using IAM with DynamoDB transactions", DynamoDB developer guide).
 * Index queries get one statement per index, on that index's ARN only, conditioned on the index
 * partition values the function queries. AWS documents LeadingKeys as the table's partition key
 * and says nothing explicit about index queries; if an index query carries no leading key, the
 * `ForAllValues` condition holds vacuously and the statement still admits only Query on that one
 * index. No Scan is ever granted; BatchGetItem / BatchWriteItem only on the partitions a function
 * declares for them (`batchGet`, `batchWrite`), with every key of a batch held to LeadingKeys.
 */
function grantTable(table: dynamodb.ITable, role: iam.IRole, access: TableAccess): void {
  const { read, write, update } = tablePatterns(access);
  const statement = (actions: readonly string[], resource: string, patterns: readonly string[]) =>
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...actions],
        resources: [resource],
        conditions: leadingKeys(patterns),
      }),
    );
  if (read.length > 0) statement(tableActions.read, table.tableArn, read);
  if (write.length > 0) statement(tableActions.write, table.tableArn, write);
  if (update.length > 0) statement(tableActions.update, table.tableArn, update);
  if (access.delete?.length) statement(tableActions.delete, table.tableArn, access.delete);
  if (access.batchGet?.length) statement(tableActions.batchGet, table.tableArn, access.batchGet);
  if (access.batchWrite?.length) statement(tableActions.batchWrite, table.tableArn, access.batchWrite);
  for (const [index, patterns] of Object.entries(access.query ?? {})) {
    if (patterns?.length) statement(tableActions.query, `${table.tableArn}/index/${index}`, patterns);
  }
}

function grantBucket(bucket: s3.IBucket, role: iam.IRole, access: StoreAccess, label: string): void {
  const grant = access === 'read' ? bucket.grantRead(role) : bucket.grantReadWrite(role);
  acknowledgeBucketGrant(role, bucket, grant, access, label);
}

/** SES v1 SendEmail/SendRawEmail, only from the configured sender and through the configuration set. */
function grantSendMail(role: iam.Role, mail: MailSettings): void {
  const stack = Stack.of(role);
  const identity = (resourceName: string) =>
    Arn.format(
      { service: 'ses', resource: 'identity', resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME },
      stack,
    );
  const domain = mail.fromAddress.slice(mail.fromAddress.lastIndexOf('@') + 1);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [
        Arn.format(
          {
            service: 'ses',
            resource: 'configuration-set',
            resourceName: mail.configurationSet.configurationSetName,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          },
          stack,
        ),
        identity(domain),
        identity(mail.fromAddress),
      ],
      conditions: { StringEquals: { 'ses:FromAddress': mail.fromAddress } },
    }),
  );
}

/**
 * What a function touching the pool is told. `admin` (the people function): the pool id, and that
 * the pool mails invitations and reset codes itself. `tokens` (the authorizer): the issuer and
 * client its access-token check needs, and the roles that must have TOTP with the pool id to look
 * that up.
 */
export function userPoolEnvironment(pool: UserPoolSettings, access: UserPoolAccess): Record<string, string> {
  if (access === 'admin') {
    return { [envNames.userPoolId]: pool.userPool.userPoolId, [envNames.userPoolSendsMail]: 'true' };
  }
  return {
    [envNames.userPoolIssuer]: pool.issuer,
    [envNames.userPoolClientId]: pool.client.userPoolClientId,
    [envNames.userPoolId]: pool.userPool.userPoolId,
    [envNames.requireMfaRoles]: pool.requireMfaRoles.join(','),
  };
}

/** Exactly the Cognito actions of the declared kind of access, on this one pool. */
function grantUserPool(role: iam.IRole, userPool: cognito.IUserPool, access: UserPoolAccess): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: [...userPoolActions[access]], resources: [userPool.userPoolArn] }),
  );
}
