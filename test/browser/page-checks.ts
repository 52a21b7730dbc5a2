/**
 * Checks every console page must pass in Chromium: axe-core's serious and critical findings (run
 * through the DevTools protocol, so the console's CSP without inline script stays on) and no
 * sideways scrolling.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/**
 * Finite animations and transitions still running (Element Plus fades tags and alerts in):
 * axe measures colour contrast through the opacity of the moment, so it waits for them to end.
 */
const settled = `document.getAnimations().every((animation) =>
  animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity)`;

/** axe-core's serious and critical findings on the page once its animations have ended. */
export async function seriousFindings(page: Page): Promise<string[]> {
  // Polled from here: waitForFunction would evaluate inside the page, which its CSP forbids.
  const deadline = Date.now() + 10_000;
  while (!(await page.evaluate<boolean>(settled)) && Date.now() < deadline) await page.waitForTimeout(100);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

export async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
}
