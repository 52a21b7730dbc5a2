import { personOf } from '#shared/domain/actor';
import { creditedPeople } from '#shared/domain/person-ranking';
import type { Principal } from '#shared/domain/roles';
import { ledgerFor } from '#shared/domain/scoring/index';
import { upperItemCents } from '#shared/domain/scoring/ledger';
import { ConflictError, NotFoundError, UnprocessableError } from '#shared/errors';
import type { UpperAdoptionBody, UpperAdoptionFact } from '#shared/schemas/facts';
import { personChangesAt } from '#shared/store/dynamo/person-counters';
import type { FactsDeps } from '../deps';
import {
  countersFor,
  creditedUnits,
  factEvent,
  noonOf,
  policyFor,
  requireAdopted,
  requireNotFuture,
} from '../rules';

/**
 * 上级采用: a publication of the year's policy adopted the item. Scored under that policy —
 * with the forwarding multiplier when the office forwarded it, and (highest-only mode) only
 * the difference over what the item's earlier upper-level adoptions already earned.
 */
export async function recordUpperAdoption(
  deps: FactsDeps,
  editor: Principal,
  itemId: string,
  body: UpperAdoptionBody,
): Promise<UpperAdoptionFact> {
  const item = await deps.items.get(itemId);
  if (!item) throw new NotFoundError('ITEM_NOT_FOUND', `找不到稿件“${itemId}”`);
  requireAdopted(item, '上级采用');
  const now = deps.now();
  requireNotFuture(body.date, now, '采用日期');
  const policy = await policyFor(deps, body.date);
  const publication = policy.upperPublications.find((p) => p.id === body.publicationId);
  if (!publication) {
    throw new UnprocessableError(
      'UNKNOWN_PUBLICATION',
      `${policy.year} 年考核办法中没有上级刊物“${body.publicationId}”`,
      [{ path: 'publicationId', message: `可选：${policy.upperPublications.map((p) => p.id).join('、')}` }],
    );
  }
  const rows = await deps.facts.ofItem(itemId);
  if (rows.upperAdoptions.some((row) => row.publicationId === body.publicationId)) {
    throw new ConflictError('ALREADY_ADOPTED_UPPER', `已记录${publication.name}采用该稿件，不能重复记录`);
  }
  const forwardedThroughCity = rows.forwarded !== undefined;
  const earlier = rows.upperAdoptions.map((row) => row.itemPoints);
  const earlierUpperPoints = policy.accumulate
    ? earlier.reduce((sum, points) => sum + points, 0)
    : Math.max(0, ...earlier);
  const units = creditedUnits(item);
  const day = noonOf(body.date);
  const at = day.toISOString();
  const lines = ledgerFor(
    {
      kind: 'upper-adopted',
      itemId,
      publicationId: body.publicationId,
      forwardedThroughCity,
      units: units.map((unitId) => ({ unitId })),
      at,
      earlierUpperPoints,
    },
    policy,
  );
  const recordedAt = now.toISOString();
  const fact: UpperAdoptionFact = {
    itemId,
    publicationId: body.publicationId,
    publicationName: publication.name,
    date: body.date,
    forwardedThroughCity,
    itemPoints:
      (upperItemCents({ publicationId: body.publicationId, forwardedThroughCity }, policy) ?? 0) / 100,
    policyVersion: policy.version,
    units,
    recordedAt,
    recordedBy: editor.tokenId,
    ...personOf(editor),
  };
  await deps.facts.record({
    fact: { kind: 'upper', fact },
    event: factEvent(editor, recordedAt, 'upper-adopt', `${body.date} ${publication.name}采用`),
    itemStatus: 'adopted',
    ledger: lines.map((line) => ({ ...line, at })),
    counters: await countersFor(deps, units, lines, day, {
      upperAdopted: 1,
      [`upperBy:${body.publicationId}`]: 1,
    }),
    // The persons the item credits (先进个人; a 综合信息: each source's), on the same day as the units.
    personCounters: personChangesAt(creditedPeople(item), day, { upperAdopted: 1 }),
    duplicate: {
      code: 'ALREADY_ADOPTED_UPPER',
      message: `已记录${publication.name}采用该稿件，不能重复记录`,
    },
  });
  return fact;
}
