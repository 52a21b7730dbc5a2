/**
 * The SDK stand-ins of the function bundles (infra/cdk/stand-ins, aliased in bundling.ts): event
 * streams and DynamoDB endpoint discovery are left out, and the clients that wire them when built
 * (S3, DynamoDB) still load in Node.js and refuse only what no function uses.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions, projectRoot } from '../../infra/cdk/bundling';
import {
  NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS,
  resolveEndpointDiscoveryConfig,
} from '../../infra/cdk/stand-ins/endpoint-discovery';
import { EventStreamSerde, eventStreamSerdeProvider } from '../../infra/cdk/stand-ins/event-streams';
import { functions } from '../../shared/catalogue/functions';

async function bundle(name: 'items' | 'attachments') {
  const outfile = path.join(projectRoot, 'cdk.out', 'stand-ins-check', name, 'index.mjs');
  await build({
    ...esbuildOptions,
    absWorkingDir: projectRoot,
    entryPoints: [functions[name].entry],
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

describe('SDK stand-ins in the function bundles', () => {
  it.each(['items', 'attachments'] as const)(
    'leave event streams and endpoint discovery out of %s, which still loads',
    async (name) => {
      const file = await bundle(name);
      const code = readFileSync(file, 'utf8');
      expect(code).not.toContain('Provided message too short to accommodate event stream message overhead');
      expect(code).not.toContain('endpoint_discovery_enabled');
      // Loading builds the module's clients (DynamoDB; S3 for attachments).
      const script = `const m = await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(typeof m.handler);`;
      const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'cn-north-1',
          TABLE_NAME: 'stand-ins',
          ATTACHMENTS_BUCKET: 'attachments',
          MAILER_FUNCTION_NAME: 'mailer',
          POWERTOOLS_LOG_LEVEL: 'SILENT',
        },
        encoding: 'utf8',
      });
      expect(output).toBe('function');
    },
    60_000,
  );

  it('refuse event streams when asked, not when a client is built', () => {
    const marshaller = eventStreamSerdeProvider();
    expect(() => marshaller.serialize()).toThrow(/event streams are left out/);
    expect(() => new EventStreamSerde()).toThrow(/event streams are left out/);
  });

  it('keep endpoint discovery off and refuse to switch it on', async () => {
    const config = resolveEndpointDiscoveryConfig({}, {});
    await expect(config.endpointDiscoveryEnabled()).resolves.toBe(false);
    expect(NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS.default).toBe(false);
    expect(() => resolveEndpointDiscoveryConfig({ endpointDiscoveryEnabled: true }, {})).toThrow(
      /endpoint discovery is left out/,
    );
  });
});
