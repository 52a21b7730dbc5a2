import { type Principal, roleLabels } from '#shared/domain/roles';

export function whoAmI(principal: Principal) {
  return {
    role: principal.role,
    roleLabel: roleLabels[principal.role],
    tokenId: principal.tokenId,
    ...(principal.unitId ? { unitId: principal.unitId } : {}),
  };
}
