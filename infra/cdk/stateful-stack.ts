/**
 * Everything that holds data and must outlive a redeploy: the table, the buckets, the archive
 * site's distribution and the SES configuration set. The stateless stack receives these
 * constructs through `StatefulResources`; CDK derives the cross-stack references.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { table as declaration } from '../../shared/catalogue/table';

/** What the stateless stack needs from this one. */
export interface StatefulResources {
  readonly table: dynamodb.ITable;
  readonly attachmentsBucket: s3.IBucket;
  readonly archiveBucket: s3.IBucket;
  readonly mailConfigurationSet: ses.IConfigurationSet;
  /** The archive site's distribution: its domain goes into mail links. */
  readonly archiveDistribution: cloudfront.IDistribution;
}

export interface StatefulStackProps extends StackProps {
  /**
   * Browser origins allowed to PUT/GET attachments with presigned URLs (CORS). The presigned URL
   * is the authorisation; CORS only lets the web client read the response.
   */
  readonly attachmentOrigins: readonly string[];
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

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

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
      cors: [
        {
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedOrigins: [...props.attachmentOrigins],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(90) },
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

    this.archiveDistribution = new cloudfront.Distribution(this, 'ArchiveDistribution', {
      comment: 'Xinbao archive site',
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
            // Static pages plus Pagefind search (WebAssembly): no inline scripts, no third parties.
            contentSecurityPolicy: {
              contentSecurityPolicy:
                "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
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
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Served on the default *.cloudfront.net certificate, whose viewer TLS policy CloudFront fixes ' +
          '(TLSv1); set minimumProtocolVersion TLSv1.2_2021 together with a custom domain certificate.',
      },
    );

    this.mailConfigurationSet = new ses.ConfigurationSet(this, 'MailConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'AttachmentsBucketName', { value: this.attachmentsBucket.bucketName });
    new CfnOutput(this, 'ArchiveBucketName', { value: this.archiveBucket.bucketName });
    new CfnOutput(this, 'AccessLogBucketName', { value: this.logBucket.bucketName });
    new CfnOutput(this, 'ArchiveSiteUrl', {
      value: `https://${this.archiveDistribution.distributionDomainName}/`,
    });
    new CfnOutput(this, 'MailConfigurationSetName', {
      value: this.mailConfigurationSet.configurationSetName,
    });
  }
}
