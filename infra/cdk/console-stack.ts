/**
 * The web console in the cloud: Vite's build (`console/dist`) in a private bucket behind its own
 * CloudFront distribution with origin access control, a strict Content-Security-Policy and HSTS,
 * and `config.json` (API URL, user pool endpoint and client id) written at deploy time, so one
 * build serves every environment.
 *
 * A stack of its own, deployed after the other two: the CSP names the API's exact origin
 * (stateless) and the attachment bucket's (stateful), and config.json the API URL and the app
 * client. The reverse direction — the API's and the attachment bucket's CORS naming this
 * distribution's domain — would close a dependency cycle (distribution → API for the CSP, API →
 * distribution for CORS), so those take the console's origin from `xinbao:consoleOrigin`
 * (see xinbao-app.ts and the README's Deploy section).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Annotations,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as deployment from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import {
  consoleContentSecurityPolicy,
  consoleIdleMinutes,
  entryCacheControl,
  hashedAssetCacheControl,
  hstsMaxAgeSeconds,
} from '../../shared/catalogue/console';
import type { ConsoleConfig } from '../local/services/console';
import { acknowledgeBucketDeployment } from './nag';
import type { StatefulStack } from './stateful-stack';
import type { StatelessStack } from './stateless-stack';

export interface ConsoleStackProps extends StackProps {
  readonly stateful: Pick<StatefulStack, 'attachmentsBucket' | 'userPoolClient' | 'logBucket'>;
  readonly stateless: Pick<StatelessStack, 'httpApi' | 'stage'>;
  /** The built console (Vite's outDir): index.html and the content-hashed files under assets/. */
  readonly distDir: string;
  /** The origins the API and the attachment bucket allow (`xinbao:consoleOrigin`); may be empty. */
  readonly allowedOrigins: readonly string[];
}

/** Files in the build folder that are not part of the site. */
const notServed = ['.source-hash'];

export class ConsoleStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly headers: cloudfront.ResponseHeadersPolicy;
  /** config.json: the same shape `npm start` serves (console/src/config.ts reads it). */
  readonly config: ConsoleConfig;
  /** `https://<distribution domain>`: the console's address. */
  readonly consoleUrl: string;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { stateful, stateless } = props;

    // Only the build output: no data, rebuilt on every deploy; CloudFront alone reads it.
    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Nothing here is state (the next deploy writes it all again); kept rather than emptied by
      // yet another custom resource when the stack is deleted.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "The bucket holds only the console's built static files, written by the deployment; every read " +
        "goes through the console distribution, whose access logs are kept in the stateful stack's log " +
        'bucket. (Server access logs into that bucket would make the stateful stack depend on this one.)',
    });

    const cognitoEndpoint = `https://cognito-idp.${this.region}.${this.urlSuffix}`;
    this.config = {
      apiUrl: stateless.stage.url,
      cognitoEndpoint,
      userPoolClientId: stateful.userPoolClient.userPoolClientId,
      idleMinutes: consoleIdleMinutes,
    };
    // Presigned attachment URLs are virtual-hosted: https://<bucket>.s3.<region>.amazonaws.com/…
    const attachmentsOrigin = `https://${stateful.attachmentsBucket.bucketRegionalDomainName}`;

    this.headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Xinbao console: security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: consoleContentSecurityPolicy({
            connect: [stateless.httpApi.apiEndpoint, cognitoEndpoint, attachmentsOrigin],
            img: [attachmentsOrigin],
          }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(hstsMaxAgeSeconds),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Xinbao web console',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        // Honours each object's Cache-Control: a year for hashed assets, revalidation for the rest.
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        compress: true,
      },
      // A single-page application: /my-items and every other route of the console is index.html.
      // Through OAC a missing key answers 403 (no ListBucket), so both statuses fall back.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: stateful.logBucket,
      logFilePrefix: 'cloudfront/console/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'The console serves the same static files to every 信息员 and editor, wherever they work; ' +
          'who may do what is decided by the user pool and the API, not by the viewer country.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'Static files only (GET/HEAD); the API behind the console is throttled per caller and the user ' +
          'pool has threat protection. A WAF web ACL (us-east-1, per-request cost) can be attached later.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Served on the default *.cloudfront.net certificate, whose viewer TLS policy CloudFront fixes ' +
          '(TLSv1); a custom domain with its own certificate and TLSv1.2_2021 is not configured yet.',
      },
    );
    this.consoleUrl = `https://${this.distribution.distributionDomainName}`;

    // Hashed files first, kept from earlier deploys (prune off): a tab still running the previous
    // index.html can load its chunks. Then index.html and config.json, never cached for long.
    // CDK's copying function (one for both deployments), with its own role and log group instead
    // of the managed AWSLambdaBasicExecutionRole (logs:CreateLogGroup on *).
    const deployLogs = new logs.LogGroup(this, 'DeployLogs', { retention: logs.RetentionDays.SIX_MONTHS });
    const deployRole = new iam.Role(this, 'DeployRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Xinbao console: copies the build and config.json into the site bucket',
    });
    deployLogs.grantWrite(deployRole);
    const handler = { role: deployRole, logGroup: deployLogs, memoryLimit: 512 };
    const assets = new deployment.BucketDeployment(this, 'DeployAssets', {
      ...handler,
      destinationBucket: this.bucket,
      sources: [deployment.Source.asset(props.distDir, { exclude: ['index.html', ...notServed] })],
      prune: false,
      cacheControl: [deployment.CacheControl.fromString(hashedAssetCacheControl)],
    });
    const entry = new deployment.BucketDeployment(this, 'DeployEntry', {
      ...handler,
      destinationBucket: this.bucket,
      sources: [
        deployment.Source.data('index.html', readFileSync(join(props.distDir, 'index.html'), 'utf8')),
        deployment.Source.jsonData('config.json', this.config),
      ],
      prune: false,
      cacheControl: [deployment.CacheControl.fromString(entryCacheControl)],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    entry.node.addDependency(assets);
    acknowledgeBucketDeployment(entry, deployRole, 'web console');
    // As for our own functions (house-function.ts): CDK's DependsOn on the role duplicates the
    // GetAtt; only cfn-lint's W3005 warning is silenced, on this one function.
    const copier = this.node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    const cfnCopier = copier?.node.defaultChild;
    if (cfnCopier instanceof lambda.CfnFunction) {
      cfnCopier.addMetadata('cfn-lint', { config: { ignore_checks: ['W3005'] } });
    }

    if (props.allowedOrigins.length === 0) {
      Annotations.of(this).addWarningV2(
        'xinbao:console-origin-missing',
        'No xinbao:consoleOrigin is configured, so the API and the attachment bucket allow no browser origin ' +
          'and the console cannot call them. After the first deploy, deploy again with ' +
          '-c xinbao:consoleOrigin=<ConsoleUrl output> (or the custom domain in front of it).',
      );
    }

    new CfnOutput(this, 'ConsoleUrl', {
      value: `${this.consoleUrl}/`,
      description: 'The web console; give this origin as -c xinbao:consoleOrigin=… so the API allows it',
    });
    new CfnOutput(this, 'ConsoleBucketName', { value: this.bucket.bucketName });
  }
}
