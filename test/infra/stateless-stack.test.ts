import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { schedules, toSchedulerExpression } from '../../events/schedules';
import { functionNameEnv } from '../../infra/cdk/house-function';
import {
  type FunctionDeclaration,
  type FunctionName,
  functionNames,
  functions,
} from '../../shared/catalogue/functions';
import { authorizerCacheTtlSeconds, routeKey, routes } from '../../shared/catalogue/routes';
import { actionsOfRole, logicalId, resourcesOf, synthesizeXinbao } from './support';

const xinbao = synthesizeXinbao();
const template = xinbao.statelessTemplate;
const { stateless } = xinbao;

const fnId = (name: FunctionName) => logicalId(stateless.functions[name].function);
const declarationOf = (name: FunctionName): FunctionDeclaration => functions[name];
const byName = functionNames.map((name) => [name] as const);

describe('functions', () => {
  it('builds exactly the functions of the catalogue', () => {
    template.resourceCountIs('AWS::Lambda::Function', functionNames.length);
  });

  it.each(byName)(
    '%s runs Node.js 24 on arm64 with the declared memory, timeout and its own log group',
    (name) => {
      const declaration = declarationOf(name);
      const properties = template.toJSON().Resources[fnId(name)].Properties;
      expect(properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: declaration.memoryMb,
        Timeout: declaration.timeoutSeconds,
        LoggingConfig: { LogGroup: { Ref: logicalId(stateless.functions[name].logGroup) } },
      });
      const logGroup = template.toJSON().Resources[logicalId(stateless.functions[name].logGroup)];
      expect(logGroup.Properties.RetentionInDays).toBe(180);
    },
  );

  it.each(byName)('%s gets only the environment its access needs', (name) => {
    const access = declarationOf(name).access;
    const variables = template.toJSON().Resources[fnId(name)].Properties.Environment.Variables;
    const expected = ['POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_LOG_LEVEL'];
    if (access.table) expected.push('TABLE_NAME');
    if (access.attachments) expected.push('ATTACHMENTS_BUCKET');
    if (access.archive) expected.push('ARCHIVE_BUCKET');
    if (access.mail) expected.push('MAIL_FROM', 'MAIL_CONFIGURATION_SET');
    if (access.mail || access.archive) expected.push('XINBAO_ARCHIVE_URL', 'XINBAO_OFFICE_NAME');
    for (const target of access.invokes ?? []) expected.push(functionNameEnv(target));
    if (access.userPool === 'admin') expected.push('USER_POOL_ID', 'USER_POOL_SENDS_MAIL');
    if (access.userPool === 'tokens') {
      expected.push('USER_POOL_ISSUER', 'USER_POOL_CLIENT_ID', 'USER_POOL_ID', 'REQUIRE_MFA_ROLES');
    }
    expect(Object.keys(variables).sort()).toEqual(expected.sort());
    expect(variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'xinbao',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
  });
});

describe('IAM: one role per function, holding only what the declaration allows', () => {
  const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem'];
  const readActions = ['dynamodb:GetItem', 'dynamodb:Query'];

  it('gives every function its own role without managed policies', () => {
    const roles = new Set(functionNames.map((name) => logicalId(stateless.functions[name].role)));
    expect(roles.size).toBe(functionNames.length);
    for (const role of roles) {
      const properties = template.toJSON().Resources[role].Properties;
      expect(properties.ManagedPolicyArns).toBeUndefined();
      expect(properties.AssumeRolePolicyDocument.Statement).toEqual([
        expect.objectContaining({ Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      ]);
    }
  });

  it.each(byName)('%s may use only the services its access names', (name) => {
    const access = declarationOf(name).access;
    const actions = actionsOfRole(template, logicalId(stateless.functions[name].role));
    const allowed = ['logs:'];
    if (access.table) allowed.push('dynamodb:');
    if (access.attachments || access.archive) allowed.push('s3:');
    if (access.mail) allowed.push('ses:');
    if (access.invokes) allowed.push('lambda:InvokeFunction');
    if (access.userPool) allowed.push('cognito-idp:');
    // The mailer's on-failure destination: Lambda sends failed asynchronous runs with its role.
    if (name === 'mailer') allowed.push('sqs:SendMessage', 'sqs:GetQueue');
    for (const action of actions)
      expect(
        allowed.some((prefix) => action.startsWith(prefix)),
        action,
      ).toBe(true);
    expect(actions).toEqual(expect.arrayContaining(['logs:CreateLogStream', 'logs:PutLogEvents']));
    expect(actions).not.toContain('logs:CreateLogGroup');
    if (access.table) expect(actions).toEqual(expect.arrayContaining(readActions));
    if (access.table && !access.table.write) expect(actions).not.toContain('dynamodb:PutItem');
    if (access.table && !access.table.write && !access.table.update)
      expect(actions).not.toContain('dynamodb:UpdateItem');
    if (access.table?.write) expect(actions).toEqual(expect.arrayContaining(writeActions));
    if (!access.table?.delete) expect(actions).not.toContain('dynamodb:DeleteItem');
    for (const action of ['dynamodb:Scan', 'dynamodb:*']) expect(actions).not.toContain(action);
    // Batches only where declared: the near-duplicate signatures and bucket rows.
    if (!access.table?.batchGet) expect(actions).not.toContain('dynamodb:BatchGetItem');
    if (!access.table?.batchWrite) expect(actions).not.toContain('dynamodb:BatchWriteItem');
  });

  it.each(byName)('%s may invoke exactly the functions it declares, and knows their names', (name) => {
    const targets: readonly string[] = declarationOf(name).access.invokes ?? [];
    const role = logicalId(stateless.functions[name].role);
    const invokeResources: unknown[] = [];
    for (const [, properties] of resourcesOf(template, 'AWS::IAM::Policy')) {
      if (!(properties.Roles as { Ref?: string }[]).some((entry) => entry.Ref === role)) continue;
      const document = properties.PolicyDocument as { Statement: Record<string, unknown>[] };
      for (const statement of document.Statement) {
        const actions = [statement.Action].flat();
        if (actions.some((action) => String(action).startsWith('lambda:'))) {
          expect(actions).toEqual(['lambda:InvokeFunction']);
          invokeResources.push(...[statement.Resource].flat());
        }
      }
    }
    // The unqualified ARN of each target, never a wildcard.
    const arnOf = (target: string) => ({
      'Fn::GetAtt': [logicalId(stateless.functions[target as FunctionName].function), 'Arn'],
    });
    expect(invokeResources).toHaveLength(targets.length);
    expect(invokeResources).toEqual(expect.arrayContaining(targets.map(arnOf)));
    const variables = template.toJSON().Resources[fnId(name)].Properties.Environment.Variables;
    for (const target of targets) {
      expect(variables[functionNameEnv(target)]).toEqual({
        Ref: logicalId(stateless.functions[target as FunctionName].function),
      });
    }
  });

  it('lets the items function invoke the mailer (urgent-item alerts) and the LSH indexer', () => {
    expect(declarationOf('items').access.invokes).toEqual(['mailer', 'lsh-indexer']);
    expect(actionsOfRole(template, logicalId(stateless.functions.items.role))).toContain(
      'lambda:InvokeFunction',
    );
    expect(actionsOfRole(template, logicalId(stateless.functions.mailer.role))).not.toContain(
      'lambda:InvokeFunction',
    );
  });

  it('keeps the system function (table reads only) away from writes', () => {
    expect(declarationOf('system').access.table).not.toHaveProperty('write');
    const actions = actionsOfRole(template, logicalId(stateless.functions.system.role));
    expect(actions).toContain('dynamodb:Query');
    expect(actions).not.toContain('dynamodb:PutItem');
  });
});

describe('HTTP API', () => {
  const routeResources = resourcesOf(template, 'AWS::ApiGatewayV2::Route');
  const integrations = Object.fromEntries(resourcesOf(template, 'AWS::ApiGatewayV2::Integration'));
  const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));

  it('has exactly the routes of the route table', () => {
    const keys = routeResources.map(([, properties]) => properties.RouteKey);
    expect(keys.sort()).toEqual(routes.map(routeKey).sort());
  });

  it.each(routes.map((route) => [routeKey(route), route] as const))(
    '%s reaches its function with the declared authorization',
    (key, route) => {
      const found = routeResources.find(([, properties]) => properties.RouteKey === key);
      expect(found).toBeDefined();
      const properties = found?.[1] ?? {};
      if (route.auth === 'bearer') {
        expect(properties.AuthorizationType).toBe('CUSTOM');
        expect(properties.AuthorizerId).toEqual({ Ref: authorizerId });
      } else {
        expect(properties.AuthorizationType).toBe('NONE');
        expect(properties.AuthorizerId).toBeUndefined();
      }
      const target = JSON.stringify(properties.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`));
      expect(integrationId).toBeDefined();
      expect(integrations[integrationId ?? '']).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [fnId(route.function), 'Arn'] },
      });
    },
  );

  it('authorizes bearer routes with the lambda authorizer: simple responses, Authorization header, cached', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerResultTtlInSeconds: authorizerCacheTtlSeconds,
      AuthorizerUri: Match.objectLike({
        'Fn::Join': ['', Match.arrayWith([{ 'Fn::GetAtt': [fnId('authorizer'), 'Arn'] }])],
      }),
    });
  });

  it('throttles the default stage and writes JSON access logs', () => {
    const [stage] = resourcesOf(template, 'AWS::ApiGatewayV2::Stage');
    expect(stage?.[1]).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
    });
    const settings = stage?.[1].AccessLogSettings as { Format: string; DestinationArn: unknown };
    const format = JSON.parse(settings.Format) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latency: '$context.responseLatency',
    });
    expect(settings.Format).not.toMatch(/header|querystring/i);
  });

  it('outputs the API URL', () => {
    template.hasOutput('ApiUrl', {});
  });
});

describe('schedules', () => {
  const dlq = logicalId(stateless.deadLetterQueue);

  it.each(schedules.map((schedule) => [schedule.name, schedule] as const))(
    '%s fires in Asia/Shanghai with the declared expression, input, retry policy and DLQ',
    (_name, declaration) => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: toSchedulerExpression(declaration.cron),
        ScheduleExpressionTimezone: 'Asia/Shanghai',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [fnId(declaration.function), 'Arn'] },
          Input: JSON.stringify({ job: declaration.job, scheduledTime: '<aws.scheduler.scheduled-time>' }),
          RetryPolicy: {
            MaximumRetryAttempts: declaration.retry.maximumRetryAttempts,
            MaximumEventAgeInSeconds: declaration.retry.maximumEventAgeSeconds,
          },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
        }),
      });
    },
  );

  it('has exactly the declared schedules', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', schedules.length);
  });

  it('sends undeliverable runs to an encrypted, TLS-only queue', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: dlq }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('alarms', () => {
  it.each(byName)('%s has an alarm on its Errors metric', (name) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId(name) } }],
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
    });
  });

  it('watches the dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(stateless.deadLetterQueue), 'QueueName'] } },
      ],
      Threshold: 1,
    });
  });
});
