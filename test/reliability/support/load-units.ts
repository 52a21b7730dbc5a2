/** One reporter token per demo unit, issued over HTTP by the admin, as an office would hand them out. */
import { expect } from 'vitest';
import type { TestStack } from '../../support/local-stack';
import { retryingClient, runPool } from './load-client';

export interface UnitReporter {
  unitId: string;
  token: string;
}

export async function reportersForEveryUnit(stack: TestStack): Promise<UnitReporter[]> {
  const client = retryingClient(() => stack.urls.api);
  const listed = await client.send({ method: 'GET', path: '/units', token: stack.tokens.ADMIN_TOKEN });
  expect(listed.status).toBe(200);
  const unitIds = (listed.body.units as { id: string }[]).map((unit) => unit.id);
  const reporters: UnitReporter[] = [];
  await runPool(unitIds.length, 8, async (index) => {
    const unitId = unitIds[index] as string;
    const issued = await client.send({
      method: 'POST',
      path: '/tokens',
      token: stack.tokens.ADMIN_TOKEN,
      json: { role: 'reporter', unitId, label: `压测 信息员 ${unitId}` },
    });
    expect(issued.status).toBe(201);
    reporters.push({ unitId, token: String(issued.body.token) });
  });
  return reporters.sort((a, b) => a.unitId.localeCompare(b.unitId));
}
