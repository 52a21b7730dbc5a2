import { findSecrecyMarker } from '#shared/domain/quality/secrecy';
import { SecrecyRefusedError } from '#shared/errors';
import type { Bulletin } from '#shared/schemas/bulletins';

/** Every piece of text the issue prints, each with the place a refusal names. */
function printedTexts(issue: Pick<Bulletin, 'items' | 'signer' | 'distribution'>) {
  const texts: { path: string; where: string; title: string; body: string }[] = [];
  issue.items.forEach((entry, index) => {
    const where = `第${index + 1}篇稿件`;
    texts.push({ path: `items.${index}`, where, title: entry.title, body: entry.body });
    entry.unitNames.forEach((name, at) => {
      const path = `items.${index}.unitNames.${at}`;
      texts.push({ path, where: `${where}的署名单位`, title: name, body: '' });
    });
  });
  if (issue.signer) texts.push({ path: 'signer', where: '签发人', title: issue.signer, body: '' });
  const lists = [
    ['report', '报', issue.distribution.report],
    ['send', '送', issue.distribution.send],
    ['issue', '发', issue.distribution.issue],
  ] as const;
  for (const [field, label, names] of lists) {
    names.forEach((name, at) => {
      texts.push({ path: `distribution.${field}.${at}`, where: `“${label}”范围`, title: name, body: '' });
    });
  }
  return texts;
}

/**
 * 发布前的最后一道关: the final text of the issue is scanned once more, whatever gate it passed
 * when it was written (text stored before a gate existed, or by a path that missed it), and a
 * marker refuses the publication before anything is written.
 */
export function refuseSecrecyMarkers(issue: Pick<Bulletin, 'items' | 'signer' | 'distribution'>): void {
  for (const { path, where, title, body } of printedTexts(issue)) {
    const found = findSecrecyMarker({ title, body });
    if (!found) continue;
    throw new SecrecyRefusedError(
      found,
      where,
      [{ path, message: `涉密标志“${found.marker}”`, marker: found.marker }],
      '本期不能发布：本系统只处理非涉密信息，请修改后再发布。',
    );
  }
}
