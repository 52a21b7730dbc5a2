import { createHash } from 'node:crypto';
import { isUnitBound, type Principal } from '#shared/domain/roles';
import { BadRequestError, NotFoundError } from '#shared/errors';
import type { Person, PersonListQuery } from '#shared/schemas/people';
import type { PeopleDeps } from '../deps';

const invalidCursor = () =>
  new BadRequestError('INVALID_CURSOR', '分页游标无效或与筛选条件不符，请从第一页重新查询');

function fingerprint(filters: object): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 12);
}

function encode(after: string, print: string): string {
  return Buffer.from(JSON.stringify({ after, f: print }), 'utf8').toString('base64url');
}

function decode(cursor: string | undefined, print: string): string | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const { after, f } = (parsed ?? {}) as { after?: unknown; f?: unknown };
  if (f !== print || typeof after !== 'string') throw invalidCursor();
  return after;
}

/**
 * People by username, filtered by unit, role and active, paged with an opaque cursor tied to the
 * filters. One Query on an index: everyone (gsi1 `PEOPLE`) or one unit (gsi2 `UNITPEOPLE#<unit>`);
 * a unit-admin always gets its own unit, and asking for another unit is not found.
 */
export async function listPeople(deps: PeopleDeps, principal: Principal, input: PersonListQuery) {
  if (isUnitBound(principal) && input.unitId && input.unitId !== principal.unitId)
    throw new NotFoundError('UNIT_NOT_FOUND', `找不到单位“${input.unitId}”`);
  const unitId = isUnitBound(principal) ? principal.unitId : input.unitId;
  const { cursor, limit = 50, ...rest } = input;
  const filters = { ...rest, ...(unitId ? { unitId } : {}) };
  const print = fingerprint(filters);
  const after = decode(cursor, print);
  const all = unitId ? await deps.people.listByUnit(unitId) : await deps.people.list();
  const matching = all
    .filter(
      (person: Person) =>
        (!filters.role || person.role === filters.role) &&
        (filters.active === undefined || String(person.active) === filters.active),
    )
    .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  const start = after === undefined ? 0 : matching.findIndex((person) => person.username > after);
  const page = start < 0 ? [] : matching.slice(start, start + limit);
  const last = page.at(-1);
  const more = start >= 0 && start + limit < matching.length;
  return { people: page, ...(more && last ? { nextCursor: encode(last.username, print) } : {}) };
}
