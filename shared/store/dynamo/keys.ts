/** Key layout of the one table (see shared/catalogue/table.ts for the indexes). */
export const keys = {
  unit: (id: string) => ({ pk: 'UNITS', sk: `UNIT#${id}` }),
  unitsPartition: 'UNITS',
  token: (hash: string) => ({ pk: `TOKEN#${hash}`, sk: 'TOKEN' }),
  tokenIndex: (tokenId: string) => ({ gsi1pk: 'TOKENS', gsi1sk: `TOKEN#${tokenId}` }),
  tokensPartition: 'TOKENS',
  /** A person (人员账号), by the user pool's `sub`. */
  person: (personId: string) => ({ pk: `PERSON#${personId}`, sk: 'PERSON' }),
  /** gsi1: everyone by username; gsi2: a unit's people by username (unit roles only). */
  personIndexes: (person: { username: string; unitId?: string | undefined }) => ({
    gsi1pk: 'PEOPLE',
    gsi1sk: `PERSON#${person.username}`,
    ...(person.unitId ? { gsi2pk: `UNITPEOPLE#${person.unitId}`, gsi2sk: `PERSON#${person.username}` } : {}),
  }),
  /** An audit event of a person's account, in the person's partition. */
  personEvent: (personId: string, at: string, suffix: string) => ({
    pk: `PERSON#${personId}`,
    sk: `EVENT#${at}#${suffix}`,
  }),
  peoplePartition: 'PEOPLE',
  unitPeoplePartition: (unitId: string) => `UNITPEOPLE#${unitId}`,
  jobRun: (job: string, scheduledTime: string) => ({ pk: `JOB#${job}`, sk: `RUN#${scheduledTime}` }),
  jobPartition: (job: string) => `JOB#${job}`,
  /** An item; its history events and attachments share its partition. */
  item: (itemId: string) => ({ pk: `ITEM#${itemId}`, sk: 'ITEM' }),
  itemPartition: (itemId: string) => `ITEM#${itemId}`,
  /** `suffix` keeps two events of the same millisecond apart; sorting stays by time. */
  itemEvent: (itemId: string, at: string, suffix: string) => ({
    pk: `ITEM#${itemId}`,
    sk: `EVENT#${at}#${suffix}`,
  }),
  attachment: (itemId: string, attachmentId: string) => ({
    pk: `ITEM#${itemId}`,
    sk: `ATTACHMENT#${attachmentId}`,
  }),
  /** gsi1: the editor's queue by status; gsi2: a unit's items; gsi3: all items of a month (Asia/Shanghai). */
  itemIndexes: (item: {
    itemId: string;
    unitId: string;
    status: string;
    submittedAt: string;
    month: string;
  }) => ({
    gsi1pk: `QUEUE#${item.status}`,
    gsi1sk: `${item.submittedAt}#${item.itemId}`,
    gsi2pk: `UNITITEMS#${item.unitId}`,
    gsi2sk: `${item.submittedAt}#${item.itemId}`,
    gsi3pk: `ITEMS#${item.month}`,
    gsi3sk: `${item.submittedAt}#${item.itemId}`,
  }),
  /**
   * An item's near-duplicate signature (title, unit, encoded MinHash), written with the item; the
   * LSH bucket rows point at it, so lookups read candidates' details here by BatchGet.
   */
  duplicateSignature: (itemId: string) => ({ pk: `DUPSIG#${itemId}`, sk: 'DUPSIG' }),
  /** gsi3 entry present only while the signature's LSH bucket rows are not yet written (sparse). */
  duplicateSignaturePending: (submittedAt: string, itemId: string) => ({
    gsi3pk: 'DUPSIG#pending',
    gsi3sk: `${submittedAt}#${itemId}`,
  }),
  duplicateSignaturesPending: 'DUPSIG#pending',
  /** One LSH band bucket entry of an item's MinHash signature (near-duplicate candidates). */
  lshEntry: (band: number, bucket: string, submittedAt: string, itemId: string) => ({
    pk: `LSH#${band}#${bucket}`,
    sk: `${submittedAt}#${itemId}`,
  }),
  /**
   * A unit's counters of one year: every period's figures as attributes named by period
   * (`2026-11:points`, `2026-Q4:submitted`, `2026:adopted`), plus the previous year's December,
   * fourth quarter and year figures that the year's first periods compare with.
   */
  aggregate: (year: string, unitId: string) => ({ pk: `AGG#${year}`, sk: `UNIT#${unitId}` }),
  outbox: (messageId: string) => ({ pk: `OUTBOX#${messageId}`, sk: 'MAIL' }),
  /** gsi3 entry present only while a message waits to be sent (a sparse index). */
  outboxPending: (createdAt: string, messageId: string) => ({
    gsi3pk: 'OUTBOX#pending',
    gsi3sk: `${createdAt}#${messageId}`,
  }),
  settings: (name: string) => ({ pk: 'SETTINGS', sk: name }),
  bulletin: (bulletinId: string) => ({ pk: `BULLETIN#${bulletinId}`, sk: 'BULLETIN' }),
  /** gsi1: a series' issues of a year by number (drafts after them); gsi2: published issues of a year. */
  bulletinIndexes: (b: {
    bulletinId: string;
    seriesId: string;
    year: number;
    number?: number;
    status: string;
    publishedAt?: string;
  }) => ({
    gsi1pk: `BULLETINS#${b.seriesId}#${b.year}`,
    gsi1sk: b.number === undefined ? `DRAFT#${b.bulletinId}` : `NO#${String(b.number).padStart(5, '0')}`,
    ...(b.status === 'published' && b.publishedAt
      ? { gsi2pk: `PUBLISHED#${b.year}`, gsi2sk: `${b.publishedAt}#${b.bulletinId}` }
      : {}),
  }),
  /** The numbering of a series: last year used, its last number and the running total. */
  seriesCounter: (seriesId: string) => ({ pk: `COUNTER#SERIES#${seriesId}`, sk: 'COUNTER' }),
  /** A unit's Idempotency-Key, claimed by the submission that stored an item under it. */
  submissionClaim: (unitId: string, key: string) => ({ pk: `SUBMITKEY#${unitId}#${key}`, sk: 'CLAIM' }),
  /**
   * A draft (草稿) of one caller (`person:<personId>`, or an `xb_` token's id), listed newest
   * first by its time-sortable id within the caller's partition.
   */
  draft: (ownerId: string, draftId: string) => ({ pk: `DRAFT#${ownerId}`, sk: `DRAFT#${draftId}` }),
  draftPartition: (ownerId: string) => `DRAFT#${ownerId}`,
  /** A person's message (站内消息), by its deterministic id (one per event and person). */
  message: (personId: string, messageId: string) => ({ pk: `INBOX#${personId}`, sk: `MSG#${messageId}` }),
  /** gsi1: a person's messages by time; gsi2 (sparse, removed when read): the unread ones by time. */
  messageIndexes: (personId: string, createdAt: string, messageId: string, unread: boolean) => ({
    gsi1pk: `INBOX#${personId}`,
    gsi1sk: `${createdAt}#${messageId}`,
    ...(unread ? { gsi2pk: `UNREAD#${personId}`, gsi2sk: `${createdAt}#${messageId}` } : {}),
  }),
  inboxPartition: (personId: string) => `INBOX#${personId}`,
  /** A person's message settings (e-mail copies), in the inbox partition. */
  messagePreferences: (personId: string) => ({ pk: `INBOX#${personId}`, sk: 'PREFS' }),
  /** gsi3 (sparse): the people who want e-mail copies. */
  messageMailPeople: 'MESSAGEMAIL',
  /** gsi3 (sparse): a message waiting to be mailed to its person (removed once mailed). */
  messageMailPending: (createdAt: string, personId: string, messageId: string) => ({
    gsi3pk: 'MSGMAIL#pending',
    gsi3sk: `${createdAt}#${personId}#${messageId}`,
  }),
  messageMailPendingPartition: 'MSGMAIL#pending',
  unreadPartition: (personId: string) => `UNREAD#${personId}`,
  /** A caller's request count for one route in one fixed window (expires with it). */
  rateWindow: (callerId: string, operationId: string, windowStart: number) => ({
    pk: `RATE#${callerId}`,
    sk: `${operationId}#${windowStart}`,
  }),
} as const;
