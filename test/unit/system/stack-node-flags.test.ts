/** The stack's V8 heap flags reach every place that launches it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stackNodeFlags } from '../../../infra/local/node-flags';
import { projectRoot } from '../../../infra/local/paths';

describe('stack node flags', () => {
  it('npm start launches the stack with the declared heap flags', () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.start).toBe(`node ${stackNodeFlags.join(' ')} --import tsx infra/local/main.ts`);
  });

  it('bounds the heap well above what the stack holds live and the young generation', () => {
    const flag = (name: string) =>
      Number(stackNodeFlags.find((each) => each.startsWith(`--${name}=`))?.split('=')[1]);
    expect(flag('max-old-space-size')).toBeGreaterThanOrEqual(512);
    expect(flag('max-old-space-size')).toBeLessThanOrEqual(1024);
    expect(flag('max-semi-space-size')).toBeLessThanOrEqual(16);
  });
});
