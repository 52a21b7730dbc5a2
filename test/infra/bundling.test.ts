/**
 * The one infra test that bundles for real: the authorizer (it runs before every bearer request,
 * so its cold start matters most) through the house construct, with the local esbuild.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions, projectRoot, requireBanner } from '../../infra/cdk/bundling';
import { XinbaoFunction } from '../../infra/cdk/house-function';
import { functions } from '../../shared/catalogue/functions';
import { cdkJsonContext, logicalId, testEnv } from './support';

/** Budget for the authorizer bundle (measured 2026-11-25: ~371 KB with the SDK's DynamoDB client inside). */
const maxBundleBytes = 600 * 1024;

describe('the authorizer bundle', () => {
  // Asset metadata (as the CLI asks for it) tells where the staged bundle is.
  const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:enable-asset-metadata': true } });
  const stack = new Stack(app, 'Bundled', { env: testEnv });
  const table = new dynamodb.Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  });
  const userPool = new cognito.UserPool(stack, 'Pool');
  const fn = new XinbaoFunction(stack, 'Authorizer', {
    name: 'authorizer',
    declaration: functions.authorizer,
    resources: {
      table,
      userPool: {
        userPool,
        client: userPool.addClient('Console'),
        issuer: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_Test',
        requireMfaRoles: ['admin', 'editor'],
      },
    },
  });
  const assembly = app.synth();
  const resource = assembly.getStackByName(stack.stackName).template.Resources[logicalId(fn.function)];
  const assetDir = path.join(assembly.directory, resource.Metadata['aws:asset:path']);
  const bundle = path.join(assetDir, 'index.mjs');

  it('is one ESM file with its source map, the require shim and the AWS SDK inside', () => {
    expect(resource.Properties.Handler).toBe('index.handler');
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.map`)).toBe(true);
    const code = readFileSync(bundle, 'utf8');
    expect(code.startsWith(requireBanner)).toBe(true);
    expect(code).toMatch(/export\s*\{[^}]*\bhandler\b/);
    expect(code).toContain('//# sourceMappingURL=index.mjs.map');
    // The SDK is inside (the DynamoDB client's protocol target), not imported from the runtime's copy.
    expect(code).toContain('DynamoDB_20120810');
    expect(code).not.toMatch(/\bimport\s*\{[^}]*\}\s*from\s*["']@aws-sdk\//);
    expect(code).not.toMatch(/\bimport\s*\(\s*["']@aws-sdk\//);
    // Chinese messages stay UTF-8 (esbuild would escape them as \uXXXX by default).
    expect(code).toMatch(/[\u4e00-\u9fff]/);
  });

  it(`stays under ${maxBundleBytes / 1024} KB`, () => {
    const size = statSync(bundle).size;
    console.info(`authorizer bundle: ${(size / 1024).toFixed(1)} KB`);
    expect(size).toBeLessThan(maxBundleBytes);
  });

  it('loads in Node.js 24 and exports the handler', () => {
    const script = `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)}); process.stdout.write(typeof m.handler);`;
    const output = execFileSync(
      process.execPath,
      ['--enable-source-maps', '--input-type=module', '-e', script],
      {
        env: {
          PATH: process.env.PATH,
          TABLE_NAME: 'bundle-test',
          AWS_REGION: testEnv.region,
          POWERTOOLS_LOG_LEVEL: 'SILENT',
        },
        encoding: 'utf8',
      },
    );
    expect(output).toBe('function');
  });

  it('is what esbuild makes of the shared configuration (the bench builds with the same object)', async () => {
    const result = await build({
      ...esbuildOptions,
      absWorkingDir: projectRoot,
      entryPoints: [path.join(projectRoot, functions.authorizer.entry)],
      outfile: path.join(assetDir, 'bench-check', 'index.mjs'),
      write: false,
      logLevel: 'silent',
    });
    const js = result.outputFiles.find((file) => file.path.endsWith('.mjs'))?.text ?? '';
    const cdk = readFileSync(bundle, 'utf8');
    // Compared by length and a marker so that a mismatch does not print 400 KB of bundle.
    expect(js.length).toBe(cdk.length);
    expect(js === cdk).toBe(true);
  });
});
