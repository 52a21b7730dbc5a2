/**
 * What the fuzzer aims at: two reporters of two units, an item of each, an attachment, a commission,
 * a draft bulletin, and a revoked token, made through the API as users would make them.
 */
import { expect } from 'vitest';
import type { Reply } from '../../support/api';
import { submitItem } from '../../support/e2e';
import type { TestStack } from '../../support/local-stack';
import type { FuzzWorld } from './fuzz-requests';

type Call = (method: string, path: string, options?: { token?: string; json?: unknown }) => Promise<Reply>;

export async function buildWorld(stack: TestStack, call: Call): Promise<FuzzWorld> {
  const {
    ADMIN_TOKEN: admin,
    EDITOR_TOKEN: editor,
    LEADER_TOKEN: leader,
    REPORTER_TOKEN: reporter,
  } = stack.tokens;
  const ownUnit = stack.tokens.REPORTER_UNIT;
  const units = ((await call('GET', '/units', { token: admin })).body.units as { id: string }[]).map(
    (unit) => unit.id,
  );
  const otherUnit = units.find((id) => id !== ownUnit) ?? '';
  const issue = async (json: object) => {
    const reply = await call('POST', '/tokens', { token: admin, json });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body as { token: string; tokenId: string };
  };
  const otherReporter = (await issue({ role: 'reporter', unitId: otherUnit, label: '外单位 信息员' })).token;
  const unitAdmin = (await issue({ role: 'unit-admin', unitId: ownUnit, label: '本单位 单位管理员' })).token;
  const doomed = await issue({ role: 'editor', label: '待吊销' });
  expect((await call('POST', `/tokens/${doomed.tokenId}/revoke`, { token: admin })).status).toBe(200);

  const text = (title: string) => ({ title, body: `11月20日，${title}，排查隐患126处，已整改119处。` });
  const ownItem = await submitItem(call, reporter, text('本单位开展冬季安全生产大检查'));
  const otherItem = await submitItem(call, otherReporter, text('外单位推进农村人居环境整治'));
  const upload = await call('POST', `/items/${ownItem}/attachments`, {
    token: reporter,
    json: { fileName: '检查通报.pdf', contentType: 'application/pdf', size: 100 },
  });
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  const attachmentId = (upload.body.attachment as { attachmentId: string }).attachmentId;
  const commission = await call('POST', '/commissions', {
    token: editor,
    json: {
      topic: '冬季安全生产情况',
      requirements: '请报送本单位冬季安全生产大检查情况',
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      unitIds: [ownUnit, otherUnit],
    },
  });
  expect(commission.status, JSON.stringify(commission.body)).toBe(201);
  const series = (await call('GET', '/series', { token: editor })).body.series as { seriesId: string }[];
  const bulletin = await call('POST', '/bulletins', {
    token: editor,
    json: { seriesId: series[0]?.seriesId, itemIds: [] },
  });
  expect(bulletin.status, JSON.stringify(bulletin.body)).toBe(201);

  return {
    tokens: {
      admin,
      editor,
      leader,
      reporter,
      'other-reporter': otherReporter,
      'unit-admin': unitAdmin,
      revoked: doomed.token,
    },
    reporterUnit: { reporter: ownUnit, 'other-reporter': otherUnit, 'unit-admin': ownUnit },
    ids: {
      unitId: [ownUnit, otherUnit, ...units.filter((id) => id !== ownUnit && id !== otherUnit).slice(0, 2)],
      itemId: [ownItem, otherItem],
      attachmentId: [attachmentId],
      commissionId: [String(commission.body.commissionId)],
      bulletinId: [String(bulletin.body.bulletinId)],
    },
    unitOf: {
      [ownUnit]: ownUnit,
      [otherUnit]: otherUnit,
      [ownItem]: ownUnit,
      [otherItem]: otherUnit,
      [attachmentId]: ownUnit,
    },
  };
}
