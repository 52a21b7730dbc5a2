import { fixedWindow } from '#shared/domain/rate-window';
import { ConflictError } from '#shared/errors';
import type { Person, PersonEvent } from '#shared/schemas/people';
import type { Unit } from '#shared/schemas/units';
import type {
  PersonStore,
  RateCounter,
  RateDecision,
  StoredToken,
  TokenStore,
  UnitStore,
} from '#shared/store/ports';

/** In-memory ports with the same contract as the DynamoDB adapters, for use-case tests. */
export class MemoryUnitStore implements UnitStore {
  readonly units = new Map<string, Unit>();
  async get(id: string) {
    return this.units.get(id);
  }
  async list() {
    return [...this.units.values()];
  }
  async create(unit: Unit) {
    if (this.units.has(unit.id)) throw new ConflictError('UNIT_EXISTS', `单位编号“${unit.id}”已存在`);
    this.units.set(unit.id, unit);
  }
  async replace(unit: Unit, expectedVersion: number) {
    if (this.units.get(unit.id)?.version !== expectedVersion)
      throw new ConflictError('VERSION_CONFLICT', '冲突');
    this.units.set(unit.id, unit);
  }
}

export class MemoryTokenStore implements TokenStore {
  readonly tokens = new Map<string, StoredToken>();
  touches = 0;
  async findByHash(hash: string) {
    return this.tokens.get(hash);
  }
  async findById(tokenId: string) {
    return [...this.tokens.values()].find((token) => token.tokenId === tokenId);
  }
  async list() {
    return [...this.tokens.values()];
  }
  async create(token: StoredToken) {
    this.tokens.set(token.hash, token);
  }
  async revoke(tokenId: string, at: string) {
    const token = await this.findById(tokenId);
    if (!token) return undefined;
    token.revokedAt ??= at;
    return token;
  }
  async touch(hash: string, at: string) {
    const token = this.tokens.get(hash);
    if (token) {
      token.lastUsedAt = at;
      this.touches += 1;
    }
  }
}

export class MemoryRateCounter implements RateCounter {
  readonly counts = new Map<string, number>();
  async consume(
    callerId: string,
    operationId: string,
    limit: { limit: number; windowSeconds: number },
    now: Date,
  ): Promise<RateDecision> {
    const window = fixedWindow(now, limit.windowSeconds);
    const key = `${callerId}|${operationId}|${window.start}`;
    const count = this.counts.get(key) ?? 0;
    if (count >= limit.limit) return { allowed: false, retryAfterSeconds: window.secondsLeft };
    this.counts.set(key, count + 1);
    return { allowed: true };
  }
}

/** People and their audit events in memory (the DynamoDB adapter's behaviour, conditions included). */
export class MemoryPersonStore implements PersonStore {
  readonly people = new Map<string, Person>();
  readonly audit = new Map<string, PersonEvent[]>();
  reads = 0;
  async get(personId: string) {
    this.reads += 1;
    return this.people.get(personId);
  }
  async list() {
    return [...this.people.values()].sort((a, b) => a.username.localeCompare(b.username));
  }
  async listByUnit(unitId: string) {
    return (await this.list()).filter((person) => person.unitId === unitId);
  }
  async create(person: Person, event?: PersonEvent) {
    if (this.people.has(person.personId))
      throw new ConflictError('PERSON_EXISTS', `人员“${person.username}”已存在`);
    this.people.set(person.personId, person);
    if (event) this.audit.set(person.personId, [event]);
  }
  async replace(person: Person, expectedVersion: number, event?: PersonEvent) {
    if (this.people.get(person.personId)?.version !== expectedVersion)
      throw new ConflictError('VERSION_CONFLICT', '冲突');
    this.people.set(person.personId, person);
    if (event) this.audit.set(person.personId, [...(this.audit.get(person.personId) ?? []), event]);
  }
  async events(personId: string) {
    return this.audit.get(personId) ?? [];
  }
}
