/**
 * Everything that holds data and must outlive a redeploy: the table, the buckets, the archive
 * site's distribution, the SES configuration set, the user pool with its console client (people's
 * accounts and passwords; the client id is in the console's configuration), and the alarm topic
 * (its confirmed e-mail subscription is state too). The stateless stack receives these
 * constructs through `StatefulResources`; CDK derives the cross-stack references.
 */
import {
  Annotations,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { table as declaration } from '../../shared/catalogue/table';
import { attachmentCors, quarantinePrefix } from '../../shared/store/s3/attachment-keys';
import { notificationTopic, notifyOnAlarms } from './alarms';
import { mailConfiguration } from './mail';
import { XinbaoUserPool } from './user-pool';

/** What the stateless stack needs from this one. */
export interface StatefulResources {
  readonly table: dynamodb.ITable;
  readonly attachmentsBucket: s3.IBucket;
  readonly archiveBucket: s3.IBucket;
  readonly mailConfigurationSet: ses.IConfigurationSet;
  /** The archive site's distribution. */
  readonly archiveDistribution: cloudfront.IDistribution;
  /** The archive site's base URL (custom domain when configured): it goes into mail links. */
  readonly archiveSiteUrl: string;
  /** Where every alarm goes (and, by e-mail, to the operator when configured). */
  readonly alarmTopic: sns.ITopic;
  /** The pool people sign in to, and the web console's app client (the only accepted audience). */
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  /** The pool's token issuer: https://cognito-idp.<region>.amazonaws.com/<poolId>. */
  readonly userPoolIssuer: string;
}

/** The archive site on its own domain: a certificate in us-east-1 covering it (CloudFront's rule). */
export interface ArchiveDomain {
  readonly domainName: string;
  readonly certificateArn: string;
}

export interface StatefulStackProps extends StackProps {
  /**
   * Browser origins allowed to PUT/GET attachments with presigned URLs (CORS). The presigned URL
   * is the authorisation; CORS only lets the web client read the response.
   */
  readonly attachmentOrigins: readonly string[];
  /** The operator's address for alarms and mail-delivery problems; none subscribed when absent. */
  readonly alarmEmail?: string;
  /** A custom domain for the archive site (TLSv1.2_2021 minimum); the *.cloudfront.net one otherwise. */
  readonly archiveDomain?: ArchiveDomain;
  /** The verified SES sender the user pool mails invitations and reset codes from (MAIL_FROM). */
  readonly mailFrom: string;
  /** The sender's domain when that domain, not the address, is the verified SES identity. */
  readonly mailVerifiedDomain?: string;
  /** 编发单位: the sender name and the system's name in the pool's mail. */
  readonly officeName: string;
}

/** China's Cybersecurity Law (Art. 21) asks for network logs to be kept at least six months. */
const accessLogExpiration = Duration.days(400);

/** CloudFront Function (viewer request): directory URLs → their index.html. */
export const archiveDirectoryIndexCode = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) request.uri = uri + 'index.html';
  else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) request.uri = uri + '/index.html';
  return request;
}`;

const attribute = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

export class StatefulStack extends Stack implements StatefulResources {
  readonly table: dynamodb.Table;
  readonly logBucket: s3.Bucket;
  readonly attachmentsBucket: s3.Bucket;
  readonly archiveBucket: s3.Bucket;
  readonly archiveDistribution: cloudfront.Distribution;
  readonly mailConfigurationSet: ses.ConfigurationSet;
  readonly alarmTopic: sns.Topic;
  readonly mailEventsTopic: sns.Topic;
  readonly mailEventsAlarm: cloudwatch.Alarm;
  readonly archiveSiteUrl: string;
  readonly people: XinbaoUserPool;
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly userPoolIssuer: string;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    // Alarm topic here, not beside the alarms: an e-mail subscription is confirmed by hand once,
    // so the topic must outlive redeploys of the stateless stack.
    this.alarmTopic = notificationTopic(this, 'AlarmTopic', 'Xinbao alarms');
    if (props.alarmEmail) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    } else {
      Annotations.of(this.alarmTopic).addInfo(
        'No alarm e-mail configured: alarms go to the SNS topic only. Set -c xinbao:alarmEmail=ops@example.gov.cn to subscribe an address.',
      );
    }

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: attribute(declaration.partitionKey),
      sortKey: attribute(declaration.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: declaration.timeToLiveAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of declaration.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    // One sink for S3 server access logs and CloudFront standard logs. CloudFront (legacy) logging
    // writes with an ACL, so ACLs stay enabled here (BucketOwnerPreferred) and nowhere else.
    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: accessLogExpiration }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the access-log sink of the attachments and archive buckets and of the archive ' +
        'distribution; logging its own access would log the log writes themselves.',
    });

    this.attachmentsBucket = new s3.Bucket(this, 'Attachments', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/attachments/',
      // Only the console's origin may use presigned URLs from a browser; none until one is configured.
      ...(props.attachmentOrigins.length > 0
        ? {
            cors: [
              {
                allowedMethods: attachmentCors.methods.map((method) => s3.HttpMethods[method]),
                allowedOrigins: [...props.attachmentOrigins],
                allowedHeaders: [...attachmentCors.headers],
                exposedHeaders: [...attachmentCors.exposedHeaders],
                maxAge: attachmentCors.maxAgeSeconds,
              },
            ],
          }
        : {}),
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(90) },
        // Uploads wait under quarantine/ until confirmed (then copied out and deleted); whatever
        // is left there — abandoned or refused uploads, and their old versions — goes within a day.
        {
          id: 'expire-quarantine',
          prefix: quarantinePrefix,
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.archiveBucket = new s3.Bucket(this, 'Archive', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/archive/',
      lifecycleRules: [{ id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // S3 behind OAC has no directory indexes: `/2025/` and `/2025` must serve `/2025/index.html`.
    const directoryIndex = new cloudfront.Function(this, 'ArchiveDirectoryIndex', {
      comment: 'Xinbao archive: serve index.html for directory URLs',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(archiveDirectoryIndexCode),
    });

    const domain = props.archiveDomain;
    this.archiveDistribution = new cloudfront.Distribution(this, 'ArchiveDistribution', {
      comment: 'Xinbao archive site',
      ...(domain
        ? {
            domainNames: [domain.domainName],
            certificate: acm.Certificate.fromCertificateArn(
              this,
              'ArchiveCertificate',
              domain.certificateArn,
            ),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            sslSupportMethod: cloudfront.SSLMethod.SNI,
          }
        : {}),
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.archiveBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: new cloudfront.ResponseHeadersPolicy(this, 'ArchiveSecurityHeaders', {
          comment: 'Xinbao archive: security headers',
          securityHeadersBehavior: {
            strictTransportSecurity: {
              accessControlMaxAge: Duration.days(730),
              includeSubdomains: true,
              override: true,
            },
            contentTypeOptions: { override: true },
            frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
            referrerPolicy: {
              referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
              override: true,
            },
            // Static pages and the archive search (plain JavaScript over JSON index shards, no
            // WebAssembly): no inline scripts, no third parties.
            contentSecurityPolicy: {
              contentSecurityPolicy:
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
                "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
              override: true,
            },
          },
        }),
        compress: true,
        functionAssociations: [
          { function: directoryIndex, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/archive/',
    });
    Validations.of(this.archiveDistribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'The archive publishes non-classified bulletins to the public; readers are not restricted by country.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'Read-only static site with no forms or server-side logic behind CloudFront; a WAF web ACL ' +
          '(us-east-1, per-request cost) can be attached later if abuse is seen.',
      },
    );
    if (!domain) {
      Validations.of(this.archiveDistribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain configured yet, so the site is served on the default *.cloudfront.net certificate, ' +
          'whose viewer TLS policy CloudFront fixes (TLSv1). Setting -c xinbao:archiveDomain and ' +
          'xinbao:archiveCertificateArn serves it on that domain with TLSv1.2_2021 as the minimum.',
      });
    }
    this.archiveSiteUrl = `https://${domain ? domain.domainName : this.archiveDistribution.distributionDomainName}`;

    const mail = mailConfiguration(this, props.alarmEmail);
    this.mailConfigurationSet = mail.configurationSet;
    this.mailEventsTopic = mail.eventsTopic;
    this.mailEventsAlarm = mail.problemsAlarm;
    notifyOnAlarms(this, this.alarmTopic);

    this.people = new XinbaoUserPool(this, 'People', {
      mail: {
        fromAddress: props.mailFrom,
        ...(props.mailVerifiedDomain ? { verifiedDomain: props.mailVerifiedDomain } : {}),
        configurationSet: this.mailConfigurationSet,
        officeName: props.officeName,
      },
    });
    this.userPool = this.people.userPool;
    this.userPoolClient = this.people.consoleClient;
    this.userPoolIssuer = this.people.issuer;

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'AttachmentsBucketName', { value: this.attachmentsBucket.bucketName });
    new CfnOutput(this, 'ArchiveBucketName', { value: this.archiveBucket.bucketName });
    new CfnOutput(this, 'AccessLogBucketName', { value: this.logBucket.bucketName });
    new CfnOutput(this, 'ArchiveSiteUrl', { value: `${this.archiveSiteUrl}/` });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarmTopic.topicArn,
      description: props.alarmEmail
        ? `Alarms are mailed to ${props.alarmEmail} once the subscription is confirmed`
        : 'No alarm e-mail subscribed (set -c xinbao:alarmEmail=…); subscribe to this topic to hear alarms',
    });
    new CfnOutput(this, 'UserPoolId', {
      value: this.userPool.userPoolId,
      description: 'For the CLI: npm run xinbao -- people create-admin --user-pool <this> …',
    });
    new CfnOutput(this, 'UserPoolClientId', {
      value: this.userPoolClient.userPoolClientId,
      description: "The web console's app client (USER_PASSWORD_AUTH + refresh tokens, no secret)",
    });
    new CfnOutput(this, 'UserPoolIssuer', { value: this.userPoolIssuer });
    new CfnOutput(this, 'MailConfigurationSetName', {
      value: this.mailConfigurationSet.configurationSetName,
    });
  }
}
