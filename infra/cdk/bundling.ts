/**
 * How every Xinbao Lambda is bundled, stated once. The CDK house construct turns this object into
 * NodejsFunction bundling options; the bench builds its own bundles from the very same object
 * (`esbuild.build({ ...esbuildOptions, absWorkingDir: projectRoot, entryPoints: [entry], outfile })`),
 * and test/infra/bundling.test.ts checks that both produce the same bytes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundlingOptions, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/** The project root (the folder holding package.json); entries in the catalogue are relative to it. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * ESM bundles still meet CommonJS dependencies that call `require` (some of the AWS SDK's own
 * dependencies do); give them one. The import is aliased so that it cannot clash with a bundled
 * module's own top-level `createRequire` binding.
 */
export const requireBanner =
  "import { createRequire as __xinbaoCreateRequire } from 'node:module'; const require = __xinbaoCreateRequire(import.meta.url);";

/**
 * Packages swapped for smaller stand-ins in every bundle (targets relative to `projectRoot`).
 * The SDK's default credential chain becomes environment credentials only; event streams and
 * DynamoDB endpoint discovery, which no function uses, become stubs that refuse (see each).
 */
export const bundleAliases = {
  '@aws-sdk/credential-provider-node': './infra/cdk/lambda-credentials.ts',
  '@smithy/core/event-streams': './infra/cdk/stand-ins/event-streams.ts',
  '@aws-sdk/middleware-endpoint-discovery': './infra/cdk/stand-ins/endpoint-discovery.ts',
} as const;

/** The esbuild configuration of every function bundle (paths relative to `projectRoot`). */
export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  /**
   * Linked `.map` next to the bundle, read only when a function runs with
   * NODE_OPTIONS=--enable-source-maps (off by default: parsing the map slows every cold start).
   */
  sourcemap: true,
  /** Stack traces need names and lines, not the sources: keeps the map (and the zip) small. */
  sourcesContent: false,
  /** Prefer ES module builds of dependencies: better tree shaking. */
  mainFields: ['module', 'main'],
  /** Chinese text stays UTF-8 instead of \uXXXX escapes (a third of the bytes). */
  charset: 'utf8',
  banner: { js: requireBanner },
  tsconfig: 'tsconfig.json',
  /** Nothing external: the AWS SDK v3 is bundled (smaller cold start than the runtime's copy). */
  external: [],
  alias: bundleAliases,
} as const satisfies BuildOptions;

/** The same configuration as NodejsFunction bundling options (local esbuild, never Docker). */
export function lambdaBundling(root: string = projectRoot): BundlingOptions {
  return {
    forceDockerBundling: false,
    bundleAwsSDK: true,
    externalModules: [...esbuildOptions.external],
    format: OutputFormat.ESM,
    target: esbuildOptions.target,
    minify: esbuildOptions.minify,
    sourceMap: esbuildOptions.sourcemap,
    sourceMapMode: SourceMapMode.DEFAULT,
    sourcesContent: esbuildOptions.sourcesContent,
    mainFields: [...esbuildOptions.mainFields],
    // aws-cdk-lib 2.276 accepts `charset` but never passes it to esbuild: pass the flag itself.
    esbuildArgs: {
      '--charset': esbuildOptions.charset,
      // CDK runs esbuild in its own working folder (the asset's output): alias targets go absolute.
      ...Object.fromEntries(
        Object.entries(esbuildOptions.alias).map(([name, target]) => [
          `--alias:${name}`,
          path.join(root, target),
        ]),
      ),
    },
    banner: esbuildOptions.banner.js,
    tsconfig: path.join(root, esbuildOptions.tsconfig),
  };
}
