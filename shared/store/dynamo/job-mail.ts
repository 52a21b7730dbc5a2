/**
 * Sent-mail markers of the scheduled jobs: one row per job, period and recipient, so a job run
 * twice, or resumed after an SES failure, mails every recipient exactly once.
 *
 * A recipient is claimed (conditional Put) BEFORE the message goes to SES, marked sent once SES
 * accepts it, and the claim is deleted when SES refuses it, so a rerun retries exactly those.
 */
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailSender, RenderedMail } from '../ses/mail-sender';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { queryAll } from './query';

export const jobMailKey = (job: string, period: string, email: string) => ({
  pk: `JOBMAIL#${job}#${period}`,
  sk: email.trim().toLowerCase(),
});

export interface JobMailStore {
  /** True when this run now owns the recipient; false when it was claimed or sent before. */
  claim(job: string, period: string, email: string, at: string): Promise<boolean>;
  markSent(job: string, period: string, email: string, messageId: string, at: string): Promise<void>;
  /** Drops a claim whose message SES refused, so that a rerun sends it. */
  release(job: string, period: string, email: string): Promise<void>;
  sentCount(job: string, period: string): Promise<number>;
  /** Every address claimed or sent for the job and period (one Query): a rerun skips them at once. */
  claimedAddresses(job: string, period: string): Promise<Set<string>>;
}

/** Markers are kept for two years (long enough for any rerun of a period), then dropped by TTL. */
const retentionSeconds = 2 * 366 * 24 * 3600;

export class DynamoJobMailStore implements JobMailStore {
  constructor(private readonly table: TableRef) {}

  async claim(job: string, period: string, email: string, at: string): Promise<boolean> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...jobMailKey(job, period, email),
            job,
            period,
            status: 'claimed',
            claimedAt: at,
            expiresAt: Math.floor(Date.parse(at) / 1000) + retentionSeconds,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      rethrowStoreError(error);
    }
  }

  async markSent(job: string, period: string, email: string, messageId: string, at: string): Promise<void> {
    await this.table.client
      .send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: jobMailKey(job, period, email),
          UpdateExpression: 'SET #status = :sent, sentAt = :at, messageId = :id',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sent': 'sent', ':at': at, ':id': messageId },
        }),
      )
      .catch(rethrowStoreError);
  }

  async release(job: string, period: string, email: string): Promise<void> {
    await this.table.client
      .send(
        new DeleteCommand({
          TableName: this.table.tableName,
          Key: jobMailKey(job, period, email),
          ConditionExpression: '#status = :claimed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':claimed': 'claimed' },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) rethrowStoreError(error);
      });
  }

  async sentCount(job: string, period: string): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.table.client
        .send(
          new QueryCommand({
            TableName: this.table.tableName,
            KeyConditionExpression: 'pk = :pk',
            FilterExpression: '#status = :sent',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pk': jobMailKey(job, period, '').pk, ':sent': 'sent' },
            Select: 'COUNT',
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        )
        .catch(rethrowStoreError);
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  }

  async claimedAddresses(job: string, period: string): Promise<Set<string>> {
    const rows = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': jobMailKey(job, period, '').pk },
      ProjectionExpression: 'sk',
    });
    return new Set(rows.map((row) => String(row.sk)));
  }
}

export interface OutgoingMail {
  to: string;
  mail: RenderedMail;
}

export interface JobMailDeps {
  marks: JobMailStore;
  sender: MailSender;
  now: () => Date;
  log?: { warn: (message: string, extra: Record<string, unknown>) => void };
}

export interface DeliveryResult {
  /** Distinct addresses the job is meant to reach. */
  recipients: number;
  sent: number;
  /** Already claimed or sent by an earlier run. */
  skipped: number;
  failed: number;
}

/**
 * Sends each message once per job and period. Addresses are compared lower-case; when one address
 * appears twice the first message wins (callers list leaders first). One at a time, to stay
 * within SES's send rate. `claimed`, when given, is what `claimedAddresses` answered for the job
 * and period (a caller that read it alongside other work); otherwise it is read here first.
 */
export async function deliverOnce(
  deps: JobMailDeps,
  job: string,
  period: string,
  messages: OutgoingMail[],
  claimed?: ReadonlySet<string>,
): Promise<DeliveryResult> {
  const byAddress = new Map<string, OutgoingMail>();
  for (const message of messages) {
    const address = message.to.trim().toLowerCase();
    if (address && !byAddress.has(address)) byAddress.set(address, message);
  }
  const result: DeliveryResult = { recipients: byAddress.size, sent: 0, skipped: 0, failed: 0 };
  // One read of the markers first: a rerun skips what an earlier run claimed without a write per
  // address. The conditional claim below still decides any race with a concurrent run.
  const known =
    claimed ?? (byAddress.size > 0 ? await deps.marks.claimedAddresses(job, period) : new Set<string>());
  for (const [address, message] of byAddress) {
    if (known.has(address) || !(await deps.marks.claim(job, period, address, deps.now().toISOString()))) {
      result.skipped += 1;
      continue;
    }
    let messageId: string;
    try {
      messageId = await deps.sender.send(message.to.trim(), message.mail);
    } catch (error) {
      result.failed += 1;
      deps.log?.warn('job mail refused', {
        job,
        period,
        to: address,
        error: error instanceof Error ? error.message : String(error),
      });
      await deps.marks.release(job, period, address);
      continue;
    }
    await deps.marks.markSent(job, period, address, messageId, deps.now().toISOString());
    result.sent += 1;
  }
  return result;
}
