import { hashToken, newTokenId, newTokenSecret } from '#shared/domain/tokens';
import { UnprocessableError } from '#shared/errors';
import type { TokenIssue } from '#shared/schemas/tokens';
import type { StoredToken } from '#shared/store/ports';
import type { TokensDeps } from '../deps';
import { toSummary } from '../summary';

/** `issuedBy` is a token id, or `cli` / `bootstrap` for tokens made outside the API. */
export async function issueToken(deps: TokensDeps, input: TokenIssue, issuedBy: string) {
  if (input.unitId) {
    const unit = await deps.units.get(input.unitId);
    if (!unit)
      throw new UnprocessableError('UNIT_NOT_FOUND', `找不到单位“${input.unitId}”，无法签发信息员令牌`);
    if (!unit.active)
      throw new UnprocessableError('UNIT_INACTIVE', `单位“${unit.name}”已停用，不能签发新令牌`);
  }
  const secret = newTokenSecret();
  const token: StoredToken = {
    tokenId: newTokenId(),
    hash: hashToken(secret),
    role: input.role,
    unitId: input.unitId,
    label: input.label,
    createdAt: deps.now().toISOString(),
    createdBy: issuedBy,
  };
  await deps.tokens.create(token);
  return { ...toSummary(token), token: secret };
}
