import type { AdoptedFact } from '#shared/domain/scoring/index';
import { issueLabel } from '#shared/domain/series';
import type { Bulletin } from '#shared/schemas/bulletins';

/**
 * The adoptions of a year's published issues, as publishing scored them: each item credits its
 * unit and co-units, at the moment of publication, under the issue's label.
 */
export function adoptionFacts(issues: readonly Bulletin[]): AdoptedFact[] {
  return issues.flatMap((issue) => {
    if (!issue.publishedAt || issue.number === undefined) return [];
    const label = issueLabel(issue);
    const at = issue.publishedAt;
    return issue.items.map(
      (entry): AdoptedFact => ({
        kind: 'adopted',
        itemId: entry.itemId,
        bulletinLabel: label,
        seriesId: issue.seriesId,
        units: [entry.unitId, ...entry.coUnits].map((unitId) => ({ unitId })),
        at,
      }),
    );
  });
}
