import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { archiveDirectoryIndexCode } from '../../infra/cdk/stateful-stack';
import { contextKeys } from '../../infra/cdk/xinbao-app';
import { keyAttributes, table } from '../../shared/catalogue/table';
import { quarantinePrefix } from '../../shared/store/s3/attachment-keys';
import { acknowledgements, logicalId, resourcesOf, synthesizeXinbao } from './support';

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

  it('keep attachments versioned and logged, with no browser origin allowed until the console origin is set', () => {
    const attachments = template.toJSON().Resources[logicalId(stateful.attachmentsBucket)].Properties;
    expect(attachments).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: logicalId(stateful.logBucket) },
        LogFilePrefix: 's3/attachments/',
      },
    });
    expect(attachments.CorsConfiguration).toBeUndefined();
  });

  it('expire the attachment quarantine (refused or abandoned uploads, and their old versions) within a day', () => {
    const attachments = template.toJSON().Resources[logicalId(stateful.attachmentsBucket)].Properties;
    expect(attachments.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({
        Prefix: quarantinePrefix,
        ExpirationInDays: 1,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        Status: 'Enabled',
      }),
    );
  });

  it('open presigned browser PUT/GET to the configured console origin only', () => {
    const withConsole = synthesizeXinbao({
      nag: false,
      context: { [contextKeys.consoleOrigin]: 'https://xinbao.example.gov.cn' },
    });
    const bucket =
      withConsole.statefulTemplate.toJSON().Resources[logicalId(withConsole.stateful.attachmentsBucket)];
    expect(bucket.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({
        AllowedOrigins: ['https://xinbao.example.gov.cn'],
        AllowedMethods: expect.arrayContaining(['PUT', 'GET']),
      }),
    ]);
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
            // Scripts from the site only, and no WebAssembly (the search is plain JavaScript).
            ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'; script-src 'self'; style-src"),
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

describe('the archive site on its own domain', () => {
  const certificateArn =
    'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-111122223333';

  it('is served on the default certificate, the TLS finding acknowledged with a reason, when no domain is set', () => {
    const config = resourcesOf(template, 'AWS::CloudFront::Distribution')[0]?.[1]
      .DistributionConfig as Record<string, unknown>;
    expect(config.Aliases).toBeUndefined();
    expect(config.ViewerCertificate).toBeUndefined();
    const acknowledged = acknowledgements(xinbao.app).filter(
      ({ id, path }) => id.endsWith('AwsSolutions-CFR4') && path.startsWith('XinbaoStateful/'),
    );
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]?.reason).toMatch(/xinbao:archiveDomain/);
  });

  it('uses the domain, its us-east-1 certificate and TLSv1.2_2021 when context names them, and mail links follow', () => {
    const custom = synthesizeXinbao({
      context: {
        [contextKeys.archiveDomain]: 'archive.example.gov.cn',
        [contextKeys.archiveCertificateArn]: certificateArn,
      },
    });
    custom.statefulTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['archive.example.gov.cn'],
        ViewerCertificate: {
          AcmCertificateArn: certificateArn,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      }),
    });
    // (The console's own distribution has no custom domain yet: its finding is the console stack's.)
    expect(
      acknowledgements(custom.app).filter(
        ({ id, path }) => id.endsWith('AwsSolutions-CFR4') && path.startsWith('XinbaoStateful/'),
      ),
    ).toEqual([]);
    const variables = Object.values(custom.statelessTemplate.findResources('AWS::Lambda::Function')).map(
      (fn) => (fn as { Properties: { Environment?: { Variables?: Record<string, unknown> } } }).Properties,
    );
    expect(
      variables.some(
        (p) => p.Environment?.Variables?.XINBAO_ARCHIVE_URL === 'https://archive.example.gov.cn',
      ),
    ).toBe(true);
  });
});

describe('mail', () => {
  it('has one SES configuration set that requires TLS', () => {
    template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
  });

  it('publishes bounces, complaints and rejects to a topic that alarms', () => {
    const topic = logicalId(stateful.mailEventsTopic);
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: logicalId(stateful.mailConfigurationSet) },
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(['bounce', 'complaint', 'reject']),
        SnsDestination: { TopicARN: { Ref: topic } },
      }),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SNS',
      MetricName: 'NumberOfMessagesPublished',
      Dimensions: [{ Name: 'TopicName', Value: { 'Fn::GetAtt': [topic, 'TopicName'] } }],
      AlarmActions: [{ Ref: logicalId(stateful.alarmTopic) }],
    });
  });
});

describe('alarm notifications', () => {
  it('has an alarm topic with no subscription when no alarm e-mail is configured, and says so', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    template.hasOutput('AlarmTopicArn', {
      Description: Match.stringLikeRegexp('No alarm e-mail subscribed'),
    });
  });

  it('subscribes the configured address to alarms and to mail delivery problems', () => {
    const withEmail = synthesizeXinbao({ nag: false, context: { alarmEmail: 'ops@example.gov.cn' } });
    const subscriptions = resourcesOf(withEmail.statefulTemplate, 'AWS::SNS::Subscription').map(([, p]) => p);
    expect(subscriptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Protocol: 'email',
          Endpoint: 'ops@example.gov.cn',
          TopicArn: { Ref: logicalId(withEmail.stateful.alarmTopic) },
        }),
        expect.objectContaining({
          Protocol: 'email',
          Endpoint: 'ops@example.gov.cn',
          TopicArn: { Ref: logicalId(withEmail.stateful.mailEventsTopic) },
        }),
      ]),
    );
  });
});

describe('outputs', () => {
  it('outputs the archive site URL, the table name and the bucket names', () => {
    for (const name of ['ArchiveSiteUrl', 'TableName', 'AttachmentsBucketName', 'ArchiveBucketName']) {
      template.hasOutput(name, {});
    }
  });
});
