import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { archiveDirectoryIndexCode } from '../../infra/cdk/stateful-stack';
import { keyAttributes, table } from '../../shared/catalogue/table';
import { logicalId, resourcesOf, synthesizeXinbao } from './support';

const xinbao = synthesizeXinbao();
const template = xinbao.statefulTemplate;
const { stateful } = xinbao;

describe('the table', () => {
  it('has the keys, indexes and TTL of the declaration', () => {
    const resources = resourcesOf(template, 'AWS::DynamoDB::Table');
    expect(resources).toHaveLength(1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: table.partitionKey, KeyType: 'HASH' },
        { AttributeName: table.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayEquals(
        keyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      ),
      GlobalSecondaryIndexes: table.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
    });
  });

  it('is on-demand, point-in-time recoverable, deletion protected, encrypted with the AWS managed key and retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        // SSEEnabled without a key = the AWS managed aws/dynamodb KMS key.
        SSESpecification: { SSEEnabled: true },
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('the buckets', () => {
  const buckets = resourcesOf(template, 'AWS::S3::Bucket');
  const policies = resourcesOf(template, 'AWS::S3::BucketPolicy');

  it('are three: attachments, archive and the access-log sink, all retained', () => {
    expect(buckets).toHaveLength(3);
    const retained = template.findResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
    expect(Object.keys(retained)).toHaveLength(3);
  });

  it.each(buckets)('%s is encrypted and blocks all public access', (_id, properties) => {
    expect(properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it.each(buckets)('%s refuses requests without TLS', (id) => {
    const policy = policies.find(([, properties]) => (properties.Bucket as { Ref?: string }).Ref === id);
    expect(policy).toBeDefined();
    expect(policy?.[1].PolicyDocument).toMatchObject({
      Statement: expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ]),
    });
  });

  it('allow nobody in with a wildcard principal', () => {
    for (const [, properties] of policies) {
      const statements = (properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
      for (const statement of statements.filter((s) => s.Effect === 'Allow')) {
        expect(statement.Principal).not.toEqual({ AWS: '*' });
        expect(statement.Principal).not.toEqual('*');
      }
    }
  });

  it('keep attachments versioned, logged and open to presigned browser PUT/GET (CORS)', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: logicalId(stateful.logBucket) },
        LogFilePrefix: 's3/attachments/',
      },
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedMethods: Match.arrayWith(['PUT', 'GET']) })],
      },
    });
  });

  it('log archive access too', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: {
        DestinationBucketName: { Ref: logicalId(stateful.logBucket) },
        LogFilePrefix: 's3/archive/',
      },
    });
  });
});

describe('the archive site', () => {
  const archiveBucket = logicalId(stateful.archiveBucket);

  it('is a CloudFront distribution reading the archive bucket through origin access control', () => {
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({
            DomainName: { 'Fn::GetAtt': [archiveBucket, 'RegionalDomainName'] },
            OriginAccessControlId: Match.anyValue(),
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ],
      }),
    });
    // Only CloudFront (this distribution) may read the bucket.
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: archiveBucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('serves index.html over HTTPS only, with security headers and access logs', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: { Ref: Match.anyValue() },
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        Logging: Match.objectLike({
          Bucket: { 'Fn::GetAtt': [logicalId(stateful.logBucket), 'RegionalDomainName'] },
        }),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 63072000, Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentSecurityPolicy: Match.objectLike({
            ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'"),
          }),
        }),
      }),
    });
  });

  it('maps directory URLs to their index.html', () => {
    const handler = new Function(`${archiveDirectoryIndexCode}; return handler;`)() as (event: {
      request: { uri: string };
    }) => { uri: string };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/2025/')).toBe('/2025/index.html');
    expect(rewrite('/2025')).toBe('/2025/index.html');
    expect(rewrite('/2025/bulletin-12.html')).toBe('/2025/bulletin-12.html');
    expect(rewrite('/pagefind/pagefind.js')).toBe('/pagefind/pagefind.js');
    expect(rewrite('/v1.2/notes')).toBe('/v1.2/notes/index.html');
  });
});

describe('mail and outputs', () => {
  it('has an SES configuration set', () => {
    template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
  });

  it('outputs the archive site URL, the table name and the bucket names', () => {
    for (const name of ['ArchiveSiteUrl', 'TableName', 'AttachmentsBucketName', 'ArchiveBucketName']) {
      template.hasOutput(name, {});
    }
  });
});
