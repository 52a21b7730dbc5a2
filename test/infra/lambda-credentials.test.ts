/**
 * The bundles take credentials from the environment only (Lambda always puts the role's there):
 * the SDK's default chain and its nested SSO/STS clients are swapped out at build time.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { esbuildOptions, projectRoot } from '../../infra/cdk/bundling';
import { defaultProvider } from '../../infra/cdk/lambda-credentials';
import { functions } from '../../shared/catalogue/functions';

describe('credentials inside the function bundles', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('leave the SSO, STS, profile, process and container (HTTP) providers out', async () => {
    const result = await build({
      ...esbuildOptions,
      absWorkingDir: projectRoot,
      entryPoints: [functions.items.entry],
      outfile: path.join(projectRoot, 'cdk.out', 'credentials-check', 'index.mjs'),
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'))?.text ?? '';
    expect(code).toContain('CREDENTIALS_ENV_VARS');
    for (const provider of [
      'CREDENTIALS_SSO',
      'CREDENTIALS_STS_ASSUME_ROLE',
      'CREDENTIALS_PROCESS',
      'CREDENTIALS_HTTP',
    ]) {
      expect(code).not.toContain(provider);
    }
  });

  it('resolve from the variables Lambda sets, session token included', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session');
    await expect(defaultProvider()()).resolves.toMatchObject({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'session',
    });
  });

  it('fail clearly when the environment has none', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    await expect(defaultProvider()()).rejects.toThrow(/environment variable credentials/);
  });
});
