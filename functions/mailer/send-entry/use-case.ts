import { archivePageUrl, renderBulletinPublished } from '#shared/mail/bulletin-published';
import { renderUrgentItemAlert } from '#shared/mail/urgent-item';
import type { OutboxEntry } from '#shared/store/ports';
import type { RenderedMail } from '#shared/store/ses/mail-sender';
import { type MailerDeps, maxAttempts } from '../deps';

export type EntryOutcome =
  /** Every recipient has it (or there was nobody to send to). */
  | 'sent'
  /** This attempt failed; the entry stays pending for the sweep. */
  | 'retry'
  /** Every attempt is used up: the entry is `failed`. */
  | 'failed'
  /** Another sender holds it, or it is already settled. */
  | 'skipped';

class MailerFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailerFailure';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const normalise = (email: string) => email.trim().toLowerCase();

/** What one entry sends: the message and its recipients (normalised, each once). */
interface Prepared {
  mail: RenderedMail;
  recipients: string[];
}

const unique = (emails: readonly string[]) => [...new Set(emails.map(normalise))];

/** The urgent-item alert to the duty recipients; undefined (nothing to send) when none are configured. */
async function prepareUrgentItem(deps: MailerDeps, entry: OutboxEntry): Promise<Prepared | undefined> {
  const item = await deps.items.get(entry.refId);
  if (!item) throw new MailerFailure(`item ${entry.refId} not found`);
  const stored = await deps.settings.getDutyRecipients();
  const recipients = unique((stored?.recipients ?? []).map((r) => r.email));
  if (recipients.length === 0) {
    deps.log.warn('no duty recipients configured: urgent-item alert not sent', {
      messageId: entry.messageId,
      itemId: entry.refId,
    });
    return undefined;
  }
  const unit = await deps.units.get(item.unitId);
  return { mail: renderUrgentItemAlert({ item, unitName: unit?.name ?? item.unitId }), recipients };
}

/** The publish mail to every leader recipient who wants bulletins; nothing for a bulletin no longer published. */
async function prepareBulletinPublished(deps: MailerDeps, entry: OutboxEntry): Promise<Prepared | undefined> {
  const bulletin = await deps.bulletins.get(entry.refId);
  if (!bulletin) throw new MailerFailure(`bulletin ${entry.refId} not found`);
  if (bulletin.status !== 'published') {
    deps.log.warn('bulletin is not published (withdrawn?): publish mail not sent', {
      messageId: entry.messageId,
      bulletinId: entry.refId,
      status: bulletin.status,
    });
    return undefined;
  }
  const stored = await deps.leaders.getLeaderRecipients();
  const recipients = unique((stored?.recipients ?? []).filter((r) => r.bulletins).map((r) => r.email));
  if (recipients.length === 0) {
    deps.log.warn('no leader recipients want bulletins: publish mail not sent', {
      messageId: entry.messageId,
      bulletinId: entry.refId,
    });
    return undefined;
  }
  const series = (await deps.series.list()).find((s) => s.seriesId === bulletin.seriesId);
  const mail = renderBulletinPublished({
    bulletin,
    archiveLink: archivePageUrl(deps.archiveUrl, bulletin, series?.archived ?? false),
    officeName: deps.officeName,
  });
  return { mail, recipients };
}

function prepare(deps: MailerDeps, entry: OutboxEntry): Promise<Prepared | undefined> {
  switch (entry.kind) {
    case 'urgent-item':
      return prepareUrgentItem(deps, entry);
    case 'bulletin-published':
      return prepareBulletinPublished(deps, entry);
  }
}

/** Renders and sends, one recipient at a time, recording each success before the next send. */
async function deliver(deps: MailerDeps, entry: OutboxEntry): Promise<number> {
  const prepared = await prepare(deps, entry);
  if (!prepared) return 0;
  const done = new Set(entry.sentTo.map(normalise));
  let sent = 0;
  for (const recipient of prepared.recipients) {
    if (done.has(recipient)) continue;
    await deps.sender.send(recipient, prepared.mail);
    await deps.outbox.addSentTo(entry.messageId, recipient);
    done.add(recipient);
    sent += 1;
  }
  return sent;
}

/**
 * Sends one outbox entry, idempotently: the claim (attempts + 1 under a lease) keeps concurrent
 * senders apart, and `sentTo` makes a retry skip everyone already mailed.
 */
export async function sendEntry(deps: MailerDeps, messageId: string): Promise<EntryOutcome> {
  const now = deps.now();
  const claim = await deps.outbox.claim(messageId, maxAttempts, now);
  if (claim.kind === 'busy' || claim.kind === 'settled') {
    deps.log.info('outbox entry skipped', { messageId, reason: claim.kind });
    return 'skipped';
  }
  if (claim.kind === 'exhausted') {
    await deps.outbox.recordFailure(
      messageId,
      claim.entry.lastError ?? 'attempts exhausted',
      now.toISOString(),
      true,
    );
    deps.log.error('outbox entry failed after every attempt', { messageId, attempts: claim.entry.attempts });
    return 'failed';
  }
  const { entry } = claim;
  try {
    const sent = await deliver(deps, entry);
    await deps.outbox.markSent(messageId, deps.now().toISOString());
    deps.log.info('outbox entry sent', {
      messageId,
      kind: entry.kind,
      attempt: entry.attempts,
      recipientsThisAttempt: sent,
    });
    return 'sent';
  } catch (error) {
    const final = entry.attempts >= maxAttempts;
    await deps.outbox.recordFailure(messageId, describe(error), deps.now().toISOString(), final);
    if (final) {
      deps.log.error('outbox entry failed after every attempt', {
        messageId,
        attempts: entry.attempts,
        error: describe(error),
      });
      return 'failed';
    }
    deps.log.warn('outbox entry attempt failed; left for the sweep', {
      messageId,
      attempts: entry.attempts,
      error: describe(error),
    });
    return 'retry';
  }
}

export interface RunSummary {
  sent: number;
  retry: number;
  failed: number;
  skipped: number;
}

/** Sends each entry in turn; an error outside an entry's own handling (the store) is rethrown at the end. */
export async function sendEntries(deps: MailerDeps, messageIds: readonly string[]): Promise<RunSummary> {
  const summary: RunSummary = { sent: 0, retry: 0, failed: 0, skipped: 0 };
  const errors: unknown[] = [];
  for (const messageId of new Set(messageIds)) {
    try {
      summary[await sendEntry(deps, messageId)] += 1;
    } catch (error) {
      errors.push(error);
      deps.log.error('outbox entry could not be processed', { messageId, error: describe(error) });
    }
  }
  if (errors.length > 0)
    throw new AggregateError(errors, `${errors.length} outbox entries could not be processed`);
  return summary;
}
