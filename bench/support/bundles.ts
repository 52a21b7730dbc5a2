/**
 * Function bundles for the cold-load bench, built from THE esbuild configuration the CDK
 * construct uses (infra/cdk/bundling.ts); `unbundled` (our code in one file, every package loaded
 * from node_modules at run time) is kept for comparisons by hand.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions, projectRoot } from '../../infra/cdk/bundling';
import { type FunctionName, functions } from '../../shared/catalogue/functions';

export type BundleKind = 'bundled' | 'unbundled';

export interface BuiltBundle {
  /** A catalogue function, or `baseline` (bench/support/baseline-get-item.ts). */
  name: FunctionName | 'baseline';
  kind: BundleKind;
  file: string;
  bytes: number;
  /** Bytes in the output per package (or per top-level folder of ours), largest first. */
  contributors: { name: string; bytes: number }[];
}

/**
 * Inside node_modules, so that the unbundled files' bare imports resolve to the project's
 * packages exactly as a function shipped with its node_modules would.
 */
export const buildRoot = path.join(projectRoot, 'node_modules', '.cache', 'xinbao-bench');

function contributorOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (match?.[1]) return match[1];
  const [top, next] = input.split('/');
  return next && !next.includes('.') ? `${top}/${next}` : (top ?? input);
}

function contributors(output: Metafile['outputs'][string]): BuiltBundle['contributors'] {
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = contributorOf(input);
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** The cold-start baseline's entry: one GetItem, bundled like every function. */
export const baselineEntry = 'bench/support/baseline-get-item.ts';

export function buildFunction(name: FunctionName, kind: BundleKind): Promise<BuiltBundle> {
  return buildBundle(name, functions[name].entry, kind);
}

export function buildBaseline(): Promise<BuiltBundle> {
  return buildBundle('baseline', baselineEntry, 'bundled');
}

async function buildBundle(name: BuiltBundle['name'], entry: string, kind: BundleKind): Promise<BuiltBundle> {
  const outfile = path.join(buildRoot, kind, name, 'index.mjs');
  const result = await build({
    ...esbuildOptions,
    ...(kind === 'unbundled' ? { packages: 'external' as const } : {}),
    absWorkingDir: projectRoot,
    entryPoints: [entry],
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.metafile.outputs[path.relative(projectRoot, outfile)];
  if (!output) throw new Error(`esbuild wrote no ${outfile}`);
  return { name, kind, file: outfile, bytes: output.bytes, contributors: contributors(output) };
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
