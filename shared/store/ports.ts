/**
 * The store ports. Use cases depend on these interfaces only; the DynamoDB adapters implement
 * them, and unit tests can substitute in-memory fakes.
 */
import type { Role } from '../domain/roles';
import type { Unit } from '../schemas/units';

export interface UnitStore {
  get(id: string): Promise<Unit | undefined>;
  list(): Promise<Unit[]>;
  /** Throws ConflictError when the id exists. */
  create(unit: Unit): Promise<void>;
  /** Throws ConflictError when the stored version is not `expectedVersion`. */
  replace(unit: Unit, expectedVersion: number): Promise<void>;
}

export interface StoredToken {
  tokenId: string;
  hash: string;
  role: Role;
  unitId?: string;
  label: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export interface TokenStore {
  findByHash(hash: string): Promise<StoredToken | undefined>;
  findById(tokenId: string): Promise<StoredToken | undefined>;
  list(): Promise<StoredToken[]>;
  create(token: StoredToken): Promise<void>;
  /** Returns the token as revoked; revoking twice keeps the first time. */
  revoke(tokenId: string, at: string): Promise<StoredToken | undefined>;
  touch(hash: string, at: string): Promise<void>;
}

export interface JobRunStore {
  /** Records a run; returns false when this job already ran for this scheduled time. */
  record(job: string, scheduledTime: string, finishedAt: string): Promise<boolean>;
  lastRun(job: string): Promise<string | undefined>;
}
