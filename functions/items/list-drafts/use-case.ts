import type { Principal } from '#shared/domain/roles';
import { BadRequestError } from '#shared/errors';
import type { DraftListQuery } from '#shared/schemas/drafts';
import type { DraftDeps } from '../create-draft/use-case';
import { draftOwner } from '../drafts/owner';

const invalidCursor = () => new BadRequestError('INVALID_CURSOR', '分页游标无效，请从第一页重新查询');

/** The cursor is the last draft id shown; it only ever positions a Query in the caller's own partition. */
function decode(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const after = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^df_[0-9a-z]{20,30}$/.test(after)) throw invalidCursor();
  return after;
}

/** The caller's drafts, newest first, without the submitted ones. */
export async function listDrafts(deps: DraftDeps, principal: Principal, query: DraftListQuery) {
  const limit = query.limit ?? 20;
  const { drafts, more } = await deps.drafts.page(draftOwner(principal), limit, decode(query.cursor));
  const last = drafts.at(-1);
  return {
    drafts: drafts.map(({ draftId, title, urgency, createdAt, updatedAt, version }) => ({
      draftId,
      title,
      ...(urgency ? { urgency } : {}),
      createdAt,
      updatedAt,
      version,
    })),
    ...(more && last ? { nextCursor: Buffer.from(last.draftId, 'utf8').toString('base64url') } : {}),
  };
}
