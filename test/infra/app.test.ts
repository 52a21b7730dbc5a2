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

  it('takes the attachment CORS origins from context', () => {
    const { stateful } = buildApp({
      context: {
        ...skipBundling,
        [contextKeys.attachmentOrigins]: 'https://xinbao.example.gov.cn, https://a.example',
      },
      nag: false,
    });
    Template.fromStack(stateful).hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({ AllowedOrigins: ['https://xinbao.example.gov.cn', 'https://a.example'] }),
        ],
      },
    });
  });

  it('refuses a malformed sender address', () => {
    expect(() =>
      buildApp({ context: { ...skipBundling, [contextKeys.mailFrom]: 'not-an-address' }, nag: false }),
    ).toThrow(/xinbao:mailFrom must be an email address/);
  });
});
