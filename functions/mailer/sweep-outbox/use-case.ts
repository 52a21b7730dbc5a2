import type { MailerDeps } from '../deps';
import { type RunSummary, sendEntries } from '../send-entry/use-case';

/** Entries younger than this are left to the immediate send that follows every submission. */
export const sweepMinAgeMs = 60 * 1000;
/** Per run: the 5-minute schedule catches up with a backlog over several runs. */
export const sweepBatchSize = 50;

/** The scheduled sweep: pending entries older than a minute, oldest first, bounded. */
export async function sweepOutbox(deps: MailerDeps): Promise<RunSummary & { found: number }> {
  const cutoff = new Date(deps.now().getTime() - sweepMinAgeMs).toISOString();
  const pending = await deps.outbox.listPending(cutoff, sweepBatchSize);
  const summary = await sendEntries(
    deps,
    pending.map((entry) => entry.messageId),
  );
  return { found: pending.length, ...summary };
}
