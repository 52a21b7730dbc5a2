import { commissionYear, deadlineProblem, resolveTargets } from '#shared/domain/commissions';
import { newId } from '#shared/domain/ids';
import { commissionNewMessage } from '#shared/domain/messages';
import type { Principal } from '#shared/domain/roles';
import { BadRequestError, type ErrorDetail, UnprocessableError } from '#shared/errors';
import type { Commission, CommissionCreate } from '#shared/schemas/commissions';
import { deliverMessages } from '#shared/store/deliver-messages';
import type { StoredCommission } from '#shared/store/dynamo/commissions';
import type { CommissionsDeps } from '../deps';
import { getCommission } from '../get-commission/use-case';

/** Creates a commission with one pending row per asked unit; the deadline must lie ahead. */
export async function createCommission(
  deps: CommissionsDeps,
  principal: Principal,
  input: CommissionCreate,
): Promise<Commission> {
  const now = deps.now();
  const problem = deadlineProblem(input.deadline, now);
  if (problem) {
    throw new BadRequestError('COMMISSION_DEADLINE_PASSED', problem, [
      { path: 'deadline', message: problem },
    ]);
  }
  const units = await deps.units.list();
  const resolution = resolveTargets(input.unitIds, units);
  if (!resolution.ok) {
    const details: ErrorDetail[] = [
      ...resolution.unknown.map((id) => ({ path: 'unitIds', message: `单位“${id}”不存在`, unitId: id })),
      ...resolution.inactive.map((id) => ({ path: 'unitIds', message: `单位“${id}”已停用`, unitId: id })),
    ];
    throw new UnprocessableError('COMMISSION_UNITS_INVALID', '约稿单位中有不存在或已停用的单位', details);
  }
  if (resolution.unitIds.length === 0) {
    throw new UnprocessableError('COMMISSION_NO_UNITS', '没有可约稿的启用单位');
  }
  const deadline = new Date(input.deadline).toISOString();
  const commission: StoredCommission = {
    commissionId: newId('cm', now),
    topic: input.topic,
    requirements: input.requirements,
    deadline,
    year: commissionYear(deadline),
    targetAll: input.unitIds === 'all',
    unitCount: resolution.unitIds.length,
    createdAt: now.toISOString(),
    createdBy: principal.tokenId,
  };
  await deps.commissions.create(commission, resolution.unitIds);
  // 站内消息 (新约稿) for each asked unit's people, after the commit.
  await deliverMessages(
    deps.messages,
    resolution.unitIds.map((unitId) => commissionNewMessage(commission, unitId, commission.createdAt)),
  );
  return getCommission(deps, principal, commission.commissionId);
}
