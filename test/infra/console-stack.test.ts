/**
 * The web console in the cloud: private bucket behind its own distribution (OAC), the security
 * headers a browser enforces, config.json written at deploy time, and API Gateway's CORS for the
 * console's origin from the one declaration the local gateway also uses.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { contextKeys } from '../../infra/cdk/xinbao-app';
import { consoleIdleMinutes } from '../../shared/catalogue/console';
import { apiCors } from '../../shared/catalogue/cors';
import { resourcesOf, synthesizeXinbao } from './support';

const origin = 'https://xinbao.example.gov.cn';

type Json = Record<string, unknown>;

/** A CloudFormation string value (plain or Fn::Join) as text, references as `{…}` placeholders. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join)
    return join[1].map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(join[0]);
  return JSON.stringify(value);
}

describe('the console stack', () => {
  const xinbao = synthesizeXinbao({ context: { [contextKeys.consoleOrigin]: origin } });
  const template = xinbao.consoleTemplate;
  const [[, headers]] = resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy') as [[string, Json]];
  const security = (headers.ResponseHeadersPolicyConfig as Json).SecurityHeadersConfig as Record<
    string,
    Json
  >;
  const cspHeader = security.ContentSecurityPolicy as Json;
  const csp = text(cspHeader.ContentSecurityPolicy);
  const directive = (name: string) =>
    csp
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${name} `)) ?? '';

  it('keeps the build in a private bucket that only the distribution reads, through origin access control', () => {
    const [[siteId, site]] = resourcesOf(template, 'AWS::S3::Bucket') as [[string, Json]];
    expect(site.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [
          Match.objectLike({
            DomainName: { 'Fn::GetAtt': [siteId, 'RegionalDomainName'] },
            OriginAccessControlId: Match.anyValue(),
          }),
        ],
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          AllowedMethods: ['GET', 'HEAD'],
        }),
      }),
    });
    // Only CloudFront, for this distribution, may read the objects.
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: Match.objectLike({
              StringEquals: Match.objectLike({ 'AWS:SourceArn': Match.anyValue() }),
            }),
          }),
        ]),
      },
    });
  });

  it('answers every route of the single-page app with index.html (403 and 404 alike)', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CustomErrorResponses: [
          { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 },
          { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 },
        ],
      }),
    });
  });

  it('sends a strict Content-Security-Policy: own scripts only, the API, the pool and the attachment bucket', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    const connect = directive('connect-src');
    expect(connect).toContain("'self'");
    expect(connect).toMatch(/HttpApi.*ApiEndpoint/);
    expect(connect).toContain('https://cognito-idp.ap-southeast-1.');
    expect(connect).toMatch(
      /https:\/\/\{"Fn::ImportValue":"XinbaoStateful:[^"]*Attachments[^"]*RegionalDomainName/,
    );
    expect(directive('img-src')).toMatch(
      /^img-src 'self' data: blob: https:\/\/\{.*Attachments.*RegionalDomainName/,
    );
    expect(csp).not.toMatch(/\*|unsafe-eval/);
    expect(cspHeader.Override).toBe(true);
  });

  it('sends HSTS for at least a year with subdomains, nosniff, no referrer and no framing', () => {
    const hsts = security.StrictTransportSecurity as Json;
    expect(hsts.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(365 * 24 * 3600);
    expect(hsts.IncludeSubdomains).toBe(true);
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
  });

  it('uploads the hashed files cached for a year, and index.html and config.json never cached for long', () => {
    const deployments = resourcesOf(template, 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    const byCache = new Map(
      deployments.map(([, properties]) => [(properties.SystemMetadata as Json)['cache-control'], properties]),
    );
    const assets = byCache.get('public, max-age=31536000, immutable');
    const entry = byCache.get('no-cache');
    expect(assets?.Prune).toBe(false);
    expect(entry?.DistributionPaths).toEqual(['/*']);
    // The hashed files' asset holds the build without index.html or the build stamp.
    const [key] = (assets?.SourceObjectKeys ?? []) as string[];
    const folder = path.join(xinbao.assembly.directory, `asset.${String(key).replace(/\.zip$/, '')}`);
    expect(existsSync(path.join(folder, 'assets'))).toBe(true);
    expect(readdirSync(path.join(folder, 'assets')).some((file) => /-[\w-]{8}\.js$/.test(file))).toBe(true);
    expect(existsSync(path.join(folder, 'index.html'))).toBe(false);
    expect(existsSync(path.join(folder, '.source-hash'))).toBe(false);
  });

  it('writes config.json at deploy time with the API URL, the pool endpoint, the app client and the idle time-out', () => {
    const stack = xinbao.console;
    const resolved = Stack.of(stack).resolve(stack.config) as Json;
    expect(JSON.stringify(resolved.apiUrl)).toMatch(/XinbaoStateless:.*HttpApi/);
    expect(JSON.stringify(resolved.userPoolClientId)).toMatch(/XinbaoStateful:.*ConsoleClient/);
    expect(JSON.stringify(resolved.cognitoEndpoint)).toContain('https://cognito-idp.ap-southeast-1.');
    expect(resolved.idleMinutes).toBe(consoleIdleMinutes);
    // The deploy-time values reach the file through the deployment's markers.
    const entry = resourcesOf(template, 'Custom::CDKBucketDeployment').find(
      ([, properties]) => (properties.SystemMetadata as Json)['cache-control'] === 'no-cache',
    );
    const markers = JSON.stringify(entry?.[1].SourceMarkers);
    expect(markers).toMatch(/XinbaoStateless:ExportsOutputRefHttpApi/);
    expect(markers).toMatch(/XinbaoStateful:ExportsOutputRefPeoplePoolConsoleClient/);
  });

  it("gives the API Gateway CORS for the console's origin from the shared declaration", () => {
    xinbao.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: [origin],
        AllowMethods: [...apiCors.allowMethods],
        AllowHeaders: [...apiCors.allowHeaders],
        ExposeHeaders: [...apiCors.exposeHeaders],
        MaxAge: apiCors.maxAgeSeconds,
      },
    });
  });
});

describe('the console stack without xinbao:consoleOrigin', () => {
  const xinbao = synthesizeXinbao({ nag: false });

  it('allows no browser origin on the API and says how to set one', () => {
    const [[, api]] = resourcesOf(xinbao.statelessTemplate, 'AWS::ApiGatewayV2::Api') as [[string, Json]];
    expect(api.CorsConfiguration).toBeUndefined();
    const warnings = xinbao.assembly
      .getStackByName(xinbao.console.stackName)
      .messages.filter((message) => message.level === 'warning')
      .map((message) => String(message.entry.data));
    expect(warnings.join('\n')).toMatch(/xinbao:consoleOrigin=<ConsoleUrl output>/);
  });
});
