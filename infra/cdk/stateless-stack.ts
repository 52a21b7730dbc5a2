/**
 * Everything that can be torn down and rebuilt from code: the functions of the catalogue, the
 * HTTP API built from the route table, the schedules, the dead-letter queue and the alarms.
 */

import { CfnOutput, Duration, Stack, type StackProps, TimeZone, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { schedules, toSchedulerExpression } from '../../events/schedules';
import { apiCors } from '../../shared/catalogue/cors';
import {
  type FunctionDeclaration,
  type FunctionName,
  functionNames,
  functions,
} from '../../shared/catalogue/functions';
import { authorizerCacheTtlSeconds, routes } from '../../shared/catalogue/routes';
import { mfaRequiredRoles } from '../../shared/catalogue/user-pool';
import { envNames } from '../../shared/config';
import { notifyOnAlarms } from './alarms';
import { XinbaoFunction } from './house-function';
import { acknowledgeSchedulerInvoke } from './nag';
import type { StatefulResources } from './stateful-stack';

export interface StatelessStackProps extends StackProps {
  readonly stateful: StatefulResources;
  /** Sender address for functions with mail access (MAIL_FROM). */
  readonly mailFrom: string;
  /** 编发单位 printed on bulletins and in mail. */
  readonly officeName: string;
  /** Browser origins of the web console the API answers with CORS (`xinbao:consoleOrigin`). */
  readonly consoleOrigins?: readonly string[];
}

const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(functions, name);

/** The function that answers for every `bearer` route. */
const authorizerFunction: FunctionName = 'authorizer';

/** One JSON object per request; never headers or query strings (tokens must not reach the logs). */
export const accessLogFields = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  userAgent: '$context.identity.userAgent',
} as const;

export class StatelessStack extends Stack {
  readonly functions: Record<FunctionName, XinbaoFunction>;
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly authorizer: HttpLambdaAuthorizer;
  readonly deadLetterQueue: sqs.Queue;
  /** Where an asynchronous mailer run lands after Lambda's retries are spent. */
  readonly mailerFailureQueue: sqs.Queue;
  readonly schedules: scheduler.Schedule[] = [];

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stateful } = props;

    const resources = {
      table: stateful.table,
      attachmentsBucket: stateful.attachmentsBucket,
      archiveBucket: stateful.archiveBucket,
      mail: { configurationSet: stateful.mailConfigurationSet, fromAddress: props.mailFrom },
      publishing: {
        [envNames.archiveUrl]: stateful.archiveSiteUrl,
        [envNames.officeName]: props.officeName,
      },
      userPool: {
        userPool: stateful.userPool,
        client: stateful.userPoolClient,
        issuer: stateful.userPoolIssuer,
        requireMfaRoles: mfaRequiredRoles,
      },
    };
    this.functions = Object.fromEntries(
      functionNames.map((name) => [
        name,
        new XinbaoFunction(this, `Fn-${name}`, { name, declaration: functions[name], resources }),
      ]),
    ) as Record<FunctionName, XinbaoFunction>;
    for (const name of functionNames) {
      const declaration: FunctionDeclaration = functions[name];
      for (const target of declaration.access.invokes ?? []) {
        if (!isFunctionName(target)) throw new Error(`function ${name} invokes unknown function ${target}`);
        this.functions[name].allowInvoke(target, this.functions[target]);
      }
    }

    // HTTP API: exactly the route table, nothing more.
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      apiName: 'xinbao',
      description: 'Xinbao HTTP API (routes from shared/catalogue/routes.ts)',
      createDefaultStage: false,
      ...(props.consoleOrigins && props.consoleOrigins.length > 0
        ? { corsPreflight: corsPreflight(props.consoleOrigins) }
        : {}),
    });
    const accessLogs = new logs.LogGroup(this, 'HttpApiAccessLogs', {
      retention: logs.RetentionDays.SIX_MONTHS,
    });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: 200, rateLimit: 100 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    this.authorizer = new HttpLambdaAuthorizer(
      'BearerAuthorizer',
      this.functions[authorizerFunction].function,
      {
        authorizerName: 'xinbao-bearer',
        responseTypes: [HttpLambdaResponseType.SIMPLE],
        identitySource: ['$request.header.Authorization'],
        resultsCacheTtl: Duration.seconds(authorizerCacheTtlSeconds),
      },
    );
    const noAuth = new apigw.HttpNoneAuthorizer();

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationFor = (name: FunctionName): HttpLambdaIntegration => {
      const existing = integrations.get(name);
      if (existing) return existing;
      const created = new HttpLambdaIntegration(`Integration-${name}`, this.functions[name].function, {
        payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
      });
      integrations.set(name, created);
      return created;
    };
    for (const route of routes) {
      const httpRoute = new apigw.HttpRoute(this, `Route-${route.operationId}`, {
        httpApi: this.httpApi,
        routeKey: apigw.HttpRouteKey.with(route.path, apigw.HttpMethod[route.method]),
        integration: integrationFor(route.function),
        authorizer: route.auth === 'bearer' ? this.authorizer : noAuth,
      });
      if (route.auth === 'public') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by the route table (auth: 'public'): ${route.summary}.`,
        });
      }
    }

    // Schedules: Asia/Shanghai, failed deliveries to one encrypted dead-letter queue.
    this.deadLetterQueue = new sqs.Queue(this, 'ScheduleDeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the EventBridge Scheduler targets; the rule only ' +
        'recognises SQS redrive policies, not Scheduler DeadLetterConfig.',
    });
    for (const declaration of schedules) {
      const target = this.functions[declaration.function];
      const schedule = new scheduler.Schedule(this, `Schedule-${declaration.name}`, {
        description: declaration.description,
        schedule: scheduler.ScheduleExpression.expression(
          toSchedulerExpression(declaration.cron),
          TimeZone.of(declaration.timezone),
        ),
        target: new targets.LambdaInvoke(target.function, {
          input: scheduler.ScheduleTargetInput.fromObject({
            job: declaration.job,
            scheduledTime: scheduler.ContextAttribute.scheduledTime,
          }),
          retryAttempts: declaration.retry.maximumRetryAttempts,
          maxEventAge: Duration.seconds(declaration.retry.maximumEventAgeSeconds),
          deadLetterQueue: this.deadLetterQueue,
        }),
      });
      this.schedules.push(schedule);
      acknowledgeSchedulerInvoke(this, target.function, declaration.name);
    }
    queueAlarm(
      this,
      'ScheduleDeadLetterAlarm',
      this.deadLetterQueue,
      'Xinbao: a scheduled job could not be delivered after all retries (see the DLQ).',
    );

    // The mailer is invoked asynchronously (urgent alerts, bulletin notices): a run that still
    // fails after Lambda's two retries is kept, with its event and error, in a queue that alarms.
    this.mailerFailureQueue = new sqs.Queue(this, 'MailerFailureQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.mailerFailureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is itself the mailer's on-failure destination (failed asynchronous invocations); " +
        'nothing consumes it, so it needs no dead-letter queue of its own.',
    });
    this.functions.mailer.function.configureAsyncInvoke({
      onFailure: new destinations.SqsDestination(this.mailerFailureQueue),
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });
    queueAlarm(
      this,
      'MailerFailureAlarm',
      this.mailerFailureQueue,
      'Xinbao: an asynchronous mailer run failed after all retries (event and error in the mailer failure queue).',
    );

    // Every alarm of this stack (function errors, dead letters, mailer failures) notifies the topic.
    notifyOnAlarms(this, stateful.alarmTopic);

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url });
  }
}

/**
 * API Gateway's CORS for the console's origins, from the one declaration the local gateway also
 * answers with. No credentials mode: the console sends its token in Authorization, not a cookie.
 */
export function corsPreflight(origins: readonly string[]): apigw.CorsPreflightOptions {
  return {
    allowOrigins: [...origins],
    allowMethods: apiCors.allowMethods.map((method) => apigw.CorsHttpMethod[method]),
    allowHeaders: [...apiCors.allowHeaders],
    exposeHeaders: [...apiCors.exposeHeaders],
    maxAge: Duration.seconds(apiCors.maxAgeSeconds),
  };
}

/** Fires while a dead-letter or failure queue holds anything. */
function queueAlarm(scope: Construct, id: string, queue: sqs.IQueue, description: string): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmDescription: description,
    metric: queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: cloudwatch.Stats.MAXIMUM,
    }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}
