/**
 * The access matrix's tables, shared by the unit-level matrix (`test/unit/http/access-matrix.test.ts`)
 * and the same matrix over HTTP against the live stack (`test/reliability/access.test.ts`).
 */
import type { RouteDeclaration } from '#shared/catalogue/routes';
import { type Role, roles } from '#shared/domain/roles';

/**
 * Routes a reporter may call that act on the caller's own unit — or the caller's own drafts and
 * messages — by construction (no id to swap).
 */
export const selfRoutes = new Set([
  'whoAmI',
  'submitItem',
  'precheckItem',
  'createDraft',
  'listDrafts',
  'listMessages',
  'countUnreadMessages',
  'readAllMessages',
  'getMessagePreferences',
  'putMessagePreferences',
]);

/** The path parameters that name a resource; a foreign one belongs to another unit. */
export const pathIds = [
  'unitId',
  'itemId',
  'attachmentId',
  'tokenId',
  'instructionId',
  'personId',
  'draftId',
  'messageId',
] as const;
export type PathId = (typeof pathIds)[number];

/** Valid bodies, so that the refusal under test is about ownership and not about input. */
export const bodies: Record<string, object> = {
  reviseItem: {
    title: '某县扎实推进冬季安全生产大检查',
    body: '11月20日，某县组织开展冬季安全生产大检查，排查隐患126处，已整改119处，整改率94.4%。',
    eventDate: '2026-11-20',
    urgency: 'normal',
    openness: 'public',
    secrecy: 'non-secret',
    approver: '张主任',
    author: { name: '李四', phone: '0536-7654321' },
    version: 1,
  },
  createAttachmentUpload: {
    fileName: '现场照片.jpg',
    contentType: 'image/jpeg',
    size: 1024,
    caption: '检查现场',
  },
  recordInstructionFeedback: { date: '2026-11-20' },
  updateDraft: { title: '改写另一人的草稿', version: 1 },
  putMessagePreferences: { mailCopy: false },
};

/** Bodies that name a unit: aimed at the foreign unit in the matrix (a person created there). */
export function bodiesFor(unitId: string): Record<string, object> {
  return {
    ...bodies,
    createPerson: {
      username: 'matrix.reporter',
      name: '矩阵测试',
      email: 'matrix@example.gov.cn',
      role: 'reporter',
      unitId,
    },
    updatePerson: { version: 1, name: '改名测试' },
  };
}

/** Query strings that point a unit-scoped list at a unit (the foreign one, in the matrix). */
export function queriesFor(unitId: string): Record<string, Record<string, string>> {
  return {
    listItems: { unitId },
    listPeople: { unitId },
    getUnitLedger: { period: '2026-10' },
  };
}

/** Every bearer route with each role its declaration does not admit: all must answer 403. */
export function deniedPairs(table: readonly RouteDeclaration[]): { route: RouteDeclaration; role: Role }[] {
  return table.flatMap((route) =>
    route.auth === 'bearer'
      ? roles.filter((role) => !route.roles.includes(role)).map((role) => ({ route, role }))
      : [],
  );
}

/** Routes a reporter reaches with an id of some unit: a foreign unit's id must come back 404. */
export function reporterScoped(table: readonly RouteDeclaration[]): RouteDeclaration[] {
  return table.filter((route) => route.roles.includes('reporter') && !selfRoutes.has(route.operationId));
}

/**
 * Routes a unit-bound role (reporter or unit-admin) reaches with an id of some unit, with the unit
 * roles each admits: a foreign unit's id (its items, its people …) must come back 404.
 */
export function unitScoped(
  table: readonly RouteDeclaration[],
): { route: RouteDeclaration; role: 'reporter' | 'unit-admin' }[] {
  return table
    .filter((route) => !selfRoutes.has(route.operationId))
    .flatMap((route) =>
      (['reporter', 'unit-admin'] as const)
        .filter((role) => route.roles.includes(role))
        .map((role) => ({ route, role })),
    );
}
