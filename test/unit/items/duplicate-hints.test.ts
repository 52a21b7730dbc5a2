/**
 * Near-duplicate hints by role, over the use cases: a reporter learns of another unit's similar
 * item only as "其他单位已报送相似信息（相似度 N%）" — no id, unit or title — while its own unit's
 * similar items and everything staff see stay in full.
 */
import { describe, expect, it } from 'vitest';
import type { ItemsDeps } from '#functions/items/deps';
import { getItem } from '#functions/items/get-item/use-case';
import { precheckItem } from '#functions/items/precheck-item/use-case';
import { duplicateText, minhashSignature } from '#shared/domain/quality/index';
import type { Principal } from '#shared/domain/roles';
import type { Item, ItemSubmit } from '#shared/schemas/items';
import type { DuplicateCandidate, ItemStore } from '#shared/store/ports';

const now = new Date('2026-11-20T02:00:00.000Z');
const reporter: Principal = { role: 'reporter', unitId: 'weicheng', tokenId: 'tk_weicheng' };
const editor: Principal = { role: 'editor', tokenId: 'tk_editor' };

const body =
  '11月，潍城区完成农村改厕3200户，新建污水管网46公里，村庄保洁覆盖率达到100%，群众满意度明显提升。';
const submission: ItemSubmit = {
  title: '潍城区农村人居环境整治完成改厕3200户',
  body,
  eventDate: '2026-11-18',
  urgency: 'normal',
  openness: 'public',
  secrecy: 'non-secret',
  approver: '张主任',
  author: { name: '李四', phone: '0536-1234567' },
};

const candidate = (itemId: string, unitId: string, title: string): DuplicateCandidate => ({
  itemId,
  unitId,
  title,
  signature: [...minhashSignature(duplicateText({ title, body }))],
});
const foreign = candidate('it_0000000000000000000f01', 'qingzhou', '青州市内部通报：农村改厕进展');
const own = candidate('it_0000000000000000000o01', 'weicheng', '潍城区农村改厕完成3200户');

function depsWith(candidates: DuplicateCandidate[], stored?: Item): ItemsDeps {
  const items: Pick<ItemStore, 'duplicateCandidates' | 'get'> = {
    duplicateCandidates: async () => candidates,
    get: async (itemId) => (stored?.itemId === itemId ? stored : undefined),
  };
  return { items: items as ItemStore, now: () => now } as ItemsDeps;
}

const leaks = (answer: unknown) => {
  const text = JSON.stringify(answer);
  return [foreign.itemId, foreign.unitId, foreign.title].filter((secret) => text.includes(secret));
};

describe('precheck hints by role', () => {
  it("shows a reporter another unit's similar item only as a note with the similarity", async () => {
    const answer = await precheckItem(depsWith([foreign]), reporter, submission);
    expect(answer.duplicates).toHaveLength(1);
    expect(answer.duplicates[0]).toEqual({
      similarity: expect.any(Number),
      note: expect.stringMatching(/^其他单位已报送相似信息（相似度 \d+%）$/),
    });
    const finding = answer.findings.find((entry) => entry.code === 'NEAR_DUPLICATE');
    expect(finding?.message).toContain('其他单位已报送的信息');
    expect(leaks(answer)).toEqual([]);
  });

  it("names the reporter's own unit's similar item in full", async () => {
    const answer = await precheckItem(depsWith([own, foreign]), reporter, submission);
    expect(answer.duplicates).toContainEqual(
      expect.objectContaining({ itemId: own.itemId, unitId: 'weicheng', title: own.title }),
    );
    expect(answer.duplicates.filter((hint) => 'note' in hint)).toHaveLength(1);
    expect(leaks(answer)).toEqual([]);
  });

  it('gives an editor the full list, every unit named', async () => {
    const answer = await precheckItem(depsWith([own, foreign]), editor, submission);
    expect(answer.duplicates.map((hint) => ('itemId' in hint ? hint.itemId : 'note')).sort()).toEqual(
      [foreign.itemId, own.itemId].sort(),
    );
    expect(answer.findings.find((entry) => entry.code === 'NEAR_DUPLICATE')?.evidence?.join()).toContain(
      foreign.title,
    );
  });
});

describe('a stored item read back', () => {
  const stored: Item = {
    ...submission,
    author: { name: '李晓梅', phone: '0536-8201234' },
    itemId: 'it_0000000000000000000s01',
    unitId: 'weicheng',
    status: 'submitted',
    submittedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    revisions: [],
    findings: [
      {
        code: 'NEAR_DUPLICATE',
        message: `本稿与已报送的《${foreign.title}》（qingzhou）内容高度重合（相似度约 90%）`,
        evidence: [`《${foreign.title}》 90%`],
      },
    ],
    duplicates: [{ itemId: foreign.itemId, unitId: foreign.unitId, title: foreign.title, similarity: 0.9 }],
    coUnits: [],
    version: 1,
  };

  it('keeps the full references for staff and redacts them for the reporting unit', async () => {
    const deps = depsWith([], stored);
    const forEditor = await getItem(deps, editor, stored.itemId);
    expect(forEditor.duplicates).toEqual(stored.duplicates);
    expect(forEditor.findings).toEqual(stored.findings);

    const forReporter = await getItem(deps, reporter, stored.itemId);
    expect(forReporter.duplicates).toEqual([
      { similarity: 0.9, note: '其他单位已报送相似信息（相似度 90%）' },
    ]);
    expect(forReporter.findings[0]?.evidence).toEqual(['其他单位已报送相似信息（相似度 90%）']);
    expect(leaks(forReporter)).toEqual([]);
  });
});
