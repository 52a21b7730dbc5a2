/**
 * What every console page is checked for in Chromium: axe-core's serious and critical findings
 * (once Element Plus's fades have settled) and no sideways scrolling.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Evaluated through the DevTools protocol: the console's CSP (no inline script) stays on. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Element Plus fades tags and pop-ups in and out: a page is judged once they have settled. */
async function settled(page: Page): Promise<void> {
  const moving = `document.querySelectorAll('[class*="-enter-active"], [class*="-leave-active"], .el-popper[aria-hidden="false"]').length`;
  await expect.poll(() => page.evaluate<number>(moving), { timeout: 10_000 }).toBe(0);
  // An animation cancelled meanwhile (its element removed) rejects `finished`: that one is over too.
  // Endless ones (a loading spinner) never finish and are not waited for.
  await page.evaluate(
    `Promise.all(document.getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined))).then(() => true)`,
  );
}

/** axe-core's serious and critical findings on the page as it is now, each with its element. */
export async function seriousFindings(page: Page): Promise<string[]> {
  await settled(page);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes
          .map((node) => `${node.target.join(' ')} ${node.html.slice(0, 160)} ${node.failureSummary ?? ''}`)
          .join(', ')}`,
    );
}

export async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
}
