/**
 * The store ports. Use cases depend on these interfaces only; the DynamoDB adapters implement
 * them, and unit tests can substitute in-memory fakes.
 */
import type { Role } from '../domain/roles';
import type { ScoringFact, TimedLine } from '../domain/scoring/index';
import type { Attachment } from '../schemas/attachments';
import type { Bulletin, Series } from '../schemas/bulletins';
import type { Draft } from '../schemas/drafts';
import type { HistoryEvent, Item } from '../schemas/items';
import type { Message, MessagePreferences } from '../schemas/messages';
import type { Person, PersonEvent } from '../schemas/people';
import type { DutyRecipients, LeaderRecipients } from '../schemas/settings';
import type { Unit } from '../schemas/units';

export interface UnitStore {
  get(id: string): Promise<Unit | undefined>;
  list(): Promise<Unit[]>;
  /** Throws ConflictError when the id exists. */
  create(unit: Unit): Promise<void>;
  /** Throws ConflictError when the stored version is not `expectedVersion`. */
  replace(unit: Unit, expectedVersion: number): Promise<void>;
}

/** The outcome of counting one request against a caller's limit. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateCounter {
  /** Counts one request of `callerId` on `operationId`; refuses once `limit` is reached in the window. */
  consume(
    callerId: string,
    operationId: string,
    limit: { limit: number; windowSeconds: number },
    now: Date,
  ): Promise<RateDecision>;
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

/**
 * People's records (人员账号), keyed by the user pool's `sub`. The authorizer reads them on each
 * (uncached) call: role, unit and `active` come from here, never from a token's claims.
 */
export interface PersonStore {
  get(personId: string): Promise<Person | undefined>;
  /** Every person, by username (one Query on gsi1). */
  list(): Promise<Person[]>;
  /** A unit's people, by username (one Query on gsi2). */
  listByUnit(unitId: string): Promise<Person[]>;
  /**
   * Throws ConflictError (`PERSON_EXISTS`) when the id is taken. The audit event, when given, is
   * stored in the same transaction.
   */
  create(person: Person, event?: PersonEvent): Promise<void>;
  /**
   * Throws ConflictError (`VERSION_CONFLICT`) when the stored version is not `expectedVersion`.
   * The audit event, when given, is stored in the same transaction.
   */
  replace(person: Person, expectedVersion: number, event?: PersonEvent): Promise<void>;
  /** A person's audit events (人员账号操作记录), oldest first. */
  events(personId: string): Promise<PersonEvent[]>;
}

/** The outcome of checking a user pool access token (signature, issuer, client, `token_use`, expiry). */
export type AccessTokenCheck =
  | { ok: true; personId: string }
  | { ok: false; reason: 'expired' | 'invalid'; detail: string };

/** Verifies the user pool's access tokens (aws-jwt-verify); never logs or keeps the token. */
export interface AccessTokenVerifier {
  verify(jwt: string): Promise<AccessTokenCheck>;
}

/**
 * Whether a person has TOTP (动态口令) activated in the user pool. With the pool's MFA optional,
 * Cognito asks every sign-in of such a person for the TOTP code (device remembering is off), so
 * "activated now" means "this person cannot sign in without the code".
 */
export interface MfaStatus {
  hasTotp(username: string): Promise<boolean>;
}

/** The attributes the user pool keeps for a person (the rest lives in our record). */
export interface IdentityAttributes {
  name?: string;
  email?: string;
  /** Stored in `custom:unit`; for display and the console only — authorisation reads our record. */
  unitId?: string | null;
}

/**
 * The user pool's admin calls (Cognito's Admin* API; cognito-local locally), behind a port so use
 * cases stay testable. Passwords pass through and are never logged or stored by us.
 */
export interface IdentityAdmin {
  /**
   * Creates the user with a temporary password (changed at first sign-in) and returns its `sub`.
   * `invite: true` lets the pool mail the invitation (cloud); false suppresses it (the caller
   * hands the temporary password over itself).
   */
  createUser(input: {
    username: string;
    temporaryPassword: string;
    attributes: IdentityAttributes;
    invite: boolean;
  }): Promise<{ personId: string }>;
  addToGroup(username: string, group: Role): Promise<void>;
  removeFromGroup(username: string, group: Role): Promise<void>;
  disable(username: string): Promise<void>;
  enable(username: string): Promise<void>;
  /** `permanent: false` makes it a temporary password again (reset: changed at next sign-in). */
  setPassword(username: string, password: string, permanent: boolean): Promise<void>;
  updateAttributes(username: string, attributes: IdentityAttributes): Promise<void>;
  /**
   * Where the pool mails (the cloud): resets the password and lets the pool mail the person a
   * code to choose a new one (AdminResetUserPassword).
   */
  resetPassword(username: string): Promise<void>;
  /** The user's `sub`, or undefined when no such user exists (idempotent provisioning). */
  findUser(username: string): Promise<{ personId: string } | undefined>;
}

export interface JobRunStore {
  /** Records a run; returns false when this job already ran for this scheduled time. */
  record(job: string, scheduledTime: string, finishedAt: string): Promise<boolean>;
  lastRun(job: string): Promise<string | undefined>;
}

export interface ItemReader {
  get(itemId: string): Promise<Item | undefined>;
}

export interface LshEntry {
  band: number;
  bucket: string;
}

/** Everything a submission writes, stored in one transaction. */
export interface SubmitWrite {
  item: Item;
  event: HistoryEvent;
  unitClass: string;
  /** The MinHash signature, stored as one row; its LSH bucket rows are written after the commit. */
  signature: number[];
  outbox?: OutboxEntry;
  /** What the submission scores (a 约稿 answer, a late important item), written with it. */
  scoring?: { facts: ScoringFact[]; ledger: TimedLine[] };
  /** The unit's Idempotency-Key, claimed in the same transaction (refused if already claimed). */
  claim?: SubmissionClaim;
}

/** An Idempotency-Key a submission claimed, with what it stored and the payload it was for. */
export interface SubmissionClaim {
  key: string;
  payloadHash: string;
  /** Epoch seconds after which the key may be used again (TTL). */
  expiresAt: number;
}

export interface DuplicateCandidate {
  itemId: string;
  unitId: string;
  title: string;
  signature: number[];
}

/** Items read, listed and changed after submission: what every function but the items one needs. */
export interface ItemRecords extends ItemReader {
  update(item: Item, expectedVersion: number, events: HistoryEvent[]): Promise<void>;
  updateMany(
    changes: { item: Item; expectedVersion: number | undefined }[],
    events: { itemId: string; event: HistoryEvent }[],
  ): Promise<void>;
  page(input: ItemPageQuery): Promise<{ items: Item[]; lastKey: Record<string, unknown> | undefined }>;
}

/** The items function's store: the records, plus submission with its near-duplicate lookups. */
export interface ItemStore extends ItemRecords {
  submit(write: SubmitWrite): Promise<void>;
  duplicateCandidates(buckets: LshEntry[], since: string): Promise<DuplicateCandidate[]>;
  /** The submission that claimed a unit's Idempotency-Key, if any (a strongly consistent read). */
  claimedSubmission(
    unitId: string,
    key: string,
  ): Promise<{ itemId: string; payloadHash: string } | undefined>;
}

/** A Query on one of the item indexes, built by the list use case. */
export interface ItemPageQuery {
  IndexName: 'gsi1' | 'gsi2' | 'gsi3';
  KeyConditionExpression: string;
  FilterExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
  ExclusiveStartKey?: Record<string, unknown>;
  Limit: number;
  ScanIndexForward: boolean;
}

/** Appends audit events; used by use cases that change an item outside the item store's own writes. */
export interface HistoryStore {
  list(itemId: string): Promise<HistoryEvent[]>;
}

export interface AttachmentStore {
  get(itemId: string, attachmentId: string): Promise<Attachment | undefined>;
  /** Stores a pending attachment and its audit event in one transaction. */
  create(attachment: Attachment, event: HistoryEvent): Promise<void>;
  /** pending → confirmed, with its audit event, in one transaction; ConflictError when not pending. */
  confirm(attachment: Attachment, event: HistoryEvent): Promise<void>;
  list(itemId: string): Promise<Attachment[]>;
}

/** A mail waiting in the outbox; the mailer renders it from `refId` when it sends. */
export interface OutboxEntry {
  messageId: string;
  kind: 'urgent-item' | 'bulletin-published';
  refId: string;
  createdAt: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  /** Recipients already sent to, so a retry never mails anyone twice. */
  sentTo: string[];
  lastError?: string;
}

/** Asks the mailer to send outbox entries now; failures are left to the scheduled sweep. */
export interface MailDispatcher {
  dispatch(messageIds: string[]): Promise<void>;
}

/**
 * Asks the near-duplicate indexer to write the LSH bucket rows of signatures just stored; a lost
 * request is caught up by the indexer's scheduled sweep of pending signatures.
 */
export interface DuplicateIndexRequester {
  request(itemIds: string[]): Promise<void>;
}

export interface SettingsStore {
  getDutyRecipients(): Promise<(DutyRecipients & { updatedAt?: string; updatedBy?: string }) | undefined>;
  putDutyRecipients(value: DutyRecipients, updatedBy: string, at: string): Promise<void>;
}

export interface LeaderRecipientsStore {
  getLeaderRecipients(): Promise<(LeaderRecipients & { updatedAt?: string; updatedBy?: string }) | undefined>;
  putLeaderRecipients(value: LeaderRecipients, updatedBy: string, at: string): Promise<void>;
}

export interface SeriesStore {
  /** The configured series, or the defaults when none are configured yet. */
  list(): Promise<Series[]>;
  put(series: Series[]): Promise<void>;
}

/** What the archive publisher reads: published bulletins only. */
export interface PublishedBulletins {
  get(bulletinId: string): Promise<Bulletin | undefined>;
  /** Published (not withdrawn) bulletins of a year, newest first. */
  ofYear(year: number): Promise<Bulletin[]>;
  /** Years that have at least one published bulletin, newest first. */
  years(): Promise<number[]>;
}

/** Keeps the public archive site in step with published bulletins. */
export interface ArchivePublisher {
  /** Writes the pages one published (or withdrawn) bulletin touches. Returns the keys written or deleted. */
  bulletinChanged(bulletin: Bulletin): Promise<string[]>;
  rebuild(onProgress?: (done: number, total: number) => void): Promise<{ written: number }>;
}

/**
 * 草稿: a caller's drafts (`ownerId` is the caller's credential id: `person:<personId>` for a
 * person, the token id for an `xb_` token). Another caller's draft is simply not found.
 */
export interface DraftStore {
  get(ownerId: string, draftId: string): Promise<Draft | undefined>;
  /** Newest first; submitted drafts left out. `after` is the last draft id of the previous page. */
  page(ownerId: string, limit: number, after?: string): Promise<{ drafts: Draft[]; more: boolean }>;
  create(ownerId: string, draft: Draft): Promise<void>;
  /** ConflictError (`VERSION_CONFLICT`) when the stored version is not `expectedVersion` or it is gone. */
  replace(ownerId: string, draft: Draft, expectedVersion: number): Promise<void>;
  /** Gone for every read at once, from the table after `expiresAt` (epoch seconds); false when there was nothing to delete. */
  delete(ownerId: string, draftId: string, expiresAt: number): Promise<boolean>;
  /**
   * Marks the draft submitted as `itemId` (idempotent: marking it again with the same item changes
   * nothing); it leaves the list at once and the table after `expiresAt` (epoch seconds).
   */
  markSubmitted(ownerId: string, draftId: string, itemId: string, expiresAt: number): Promise<void>;
}

/** A message to deliver to every active person of a unit (ids are made per person from `key`). */
export type MessageDraft = Omit<Message, 'messageId' | 'readAt'> & {
  /** Two-letter kind prefix and the event's own id, e.g. `rt-it_…-3`: deterministic per event. */
  key: string;
};

/** Writes messages for the people of a unit; a message already stored (a retry) is left as it is. */
export interface MessageWriter {
  /** Returns how many new messages were stored. */
  deliverToUnit(message: MessageDraft): Promise<number>;
}

/** A person's inbox (站内消息). */
export interface MessageStore {
  page(
    personId: string,
    options: { unreadOnly: boolean; limit: number; after?: string },
  ): Promise<{ messages: Message[]; after?: string }>;
  countUnread(personId: string): Promise<number>;
  /** The message marked read (first read time kept); undefined when the person has no such message. */
  markRead(personId: string, messageId: string, at: string): Promise<Message | undefined>;
  /** Marks every unread message read; returns how many. */
  markAllRead(personId: string, at: string): Promise<number>;
  /** The person's settings; e-mail copies off when never set. */
  preferences(personId: string): Promise<MessagePreferences>;
  setPreferences(personId: string, preferences: MessagePreferences): Promise<void>;
}

/** A message waiting for its e-mail copy. */
export interface PendingMessageMail {
  personId: string;
  message: Message;
}

/** What the message-mail job reads and clears. */
export interface MessageMailQueue {
  pending(): Promise<PendingMessageMail[]>;
  /** The message no longer waits (mailed, or its person turned copies off). */
  done(personId: string, messageId: string): Promise<void>;
  wantsMail(personId: string): Promise<boolean>;
}
