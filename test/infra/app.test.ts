import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp, contextKeys, defaultRegion } from '../../infra/cdk/xinbao-app';
import { cdkJsonContext, skipBundling } from './support';

describe('app settings', () => {
  it('deploys to ap-southeast-1 unless context xinbao:region says otherwise, whatever CDK_DEFAULT_REGION is', () => {
    expect(cdkJsonContext()[contextKeys.region]).toBe(defaultRegion);
    const previous = process.env.CDK_DEFAULT_REGION;
    process.env.CDK_DEFAULT_REGION = 'us-east-1';
    try {
      expect(buildApp({ context: skipBundling, nag: false }).stateless.region).toBe('ap-southeast-1');
      const elsewhere = buildApp({
        context: { ...skipBundling, [contextKeys.region]: 'eu-west-1' },
        nag: false,
      });
      expect(elsewhere.stateful.region).toBe('eu-west-1');
    } finally {
      if (previous === undefined) delete process.env.CDK_DEFAULT_REGION;
      else process.env.CDK_DEFAULT_REGION = previous;
    }
  });

  it("lets only the console's origin from context use presigned attachment URLs", () => {
    const { stateful } = buildApp({
      context: {
        ...skipBundling,
        [contextKeys.consoleOrigin]: 'https://xinbao.example.gov.cn, https://b.example',
      },
      nag: false,
    });
    Template.fromStack(stateful).hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({ AllowedOrigins: ['https://xinbao.example.gov.cn', 'https://b.example'] }),
        ],
      },
    });
  });

  it('allows no browser origin at all until the console origin is configured', () => {
    const { stateful } = buildApp({ context: skipBundling, nag: false });
    for (const bucket of Object.values(Template.fromStack(stateful).findResources('AWS::S3::Bucket'))) {
      expect(
        (bucket as { Properties: Record<string, unknown> }).Properties.CorsConfiguration,
      ).toBeUndefined();
    }
  });

  it('refuses a wildcard or a path as the console origin', () => {
    for (const origin of ['*', 'https://xinbao.example.gov.cn/console', 'ftp://x.example']) {
      expect(() =>
        buildApp({ context: { ...skipBundling, [contextKeys.consoleOrigin]: origin }, nag: false }),
      ).toThrow(/xinbao:consoleOrigin must be the console's origin/);
    }
  });

  it('refuses an archive domain without a us-east-1 certificate', () => {
    expect(() =>
      buildApp({
        context: { ...skipBundling, [contextKeys.archiveDomain]: 'archive.example.gov.cn' },
        nag: false,
      }),
    ).toThrow(/xinbao:archiveCertificateArn must be the ARN of an ACM certificate in us-east-1/);
    expect(() =>
      buildApp({
        context: {
          ...skipBundling,
          [contextKeys.archiveDomain]: 'archive.example.gov.cn',
          [contextKeys.archiveCertificateArn]: 'arn:aws:acm:ap-southeast-1:123456789012:certificate/abc-123',
        },
        nag: false,
      }),
    ).toThrow(/us-east-1/);
  });

  it('refuses a malformed sender address', () => {
    expect(() =>
      buildApp({ context: { ...skipBundling, [contextKeys.mailFrom]: 'not-an-address' }, nag: false }),
    ).toThrow(/xinbao:mailFrom must be an email address/);
  });
});
