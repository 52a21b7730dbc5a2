import { defaultSeriesList } from '#shared/domain/series';
import type { Series } from '#shared/schemas/bulletins';
import type { DutyRecipients, LeaderRecipients } from '#shared/schemas/settings';
import type { ClaimResult, OutboxStore } from '#shared/store/dynamo/outbox';
import { claimLeaseMs } from '#shared/store/dynamo/outbox';
import type { LeaderRecipientsStore, OutboxEntry, SeriesStore, SettingsStore } from '#shared/store/ports';

type Stored = OutboxEntry & { leaseUntil?: string; pending: boolean };

/** The outbox contract of DynamoOutboxStore, in memory. */
export class MemoryOutbox implements OutboxStore {
  readonly entries = new Map<string, Stored>();

  put(entry: OutboxEntry) {
    this.entries.set(entry.messageId, {
      ...entry,
      sentTo: [...entry.sentTo],
      pending: entry.status === 'pending',
    });
  }

  async get(messageId: string) {
    const stored = this.entries.get(messageId);
    if (!stored) return undefined;
    const { leaseUntil: _lease, pending: _pending, ...entry } = stored;
    return { ...entry, sentTo: [...entry.sentTo] };
  }

  async listPending(createdBefore: string, limit: number) {
    const pending = [...this.entries.values()]
      .filter((entry) => entry.pending && `${entry.createdAt}#${entry.messageId}` < createdBefore)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .slice(0, limit);
    return Promise.all(pending.map(async (entry) => (await this.get(entry.messageId)) as OutboxEntry));
  }

  async claim(messageId: string, maxAttempts: number, now: Date): Promise<ClaimResult> {
    const stored = this.entries.get(messageId);
    if (stored?.status !== 'pending') return { kind: 'settled' };
    if (stored.attempts >= maxAttempts)
      return { kind: 'exhausted', entry: (await this.get(messageId)) as OutboxEntry };
    if (stored.leaseUntil && stored.leaseUntil >= now.toISOString()) return { kind: 'busy' };
    stored.attempts += 1;
    stored.leaseUntil = new Date(now.getTime() + claimLeaseMs).toISOString();
    return { kind: 'claimed', entry: (await this.get(messageId)) as OutboxEntry };
  }

  async addSentTo(messageId: string, email: string) {
    this.entries.get(messageId)?.sentTo.push(email);
  }

  async markSent(messageId: string) {
    const stored = this.entries.get(messageId);
    if (!stored) return;
    stored.status = 'sent';
    stored.pending = false;
    delete stored.leaseUntil;
    delete stored.lastError;
  }

  async recordFailure(messageId: string, error: string, _at: string, final: boolean) {
    const stored = this.entries.get(messageId);
    if (!stored) return;
    stored.lastError = error;
    delete stored.leaseUntil;
    if (final) {
      stored.status = 'failed';
      stored.pending = false;
    }
  }
}

export class MemorySettings implements SettingsStore {
  value: (DutyRecipients & { updatedAt?: string; updatedBy?: string }) | undefined;
  async getDutyRecipients() {
    return this.value;
  }
  async putDutyRecipients(value: DutyRecipients, updatedBy: string, at: string) {
    this.value = { ...value, updatedAt: at, updatedBy };
  }
}

export class MemoryLeaders implements LeaderRecipientsStore {
  value: (LeaderRecipients & { updatedAt?: string; updatedBy?: string }) | undefined;
  async getLeaderRecipients() {
    return this.value;
  }
  async putLeaderRecipients(value: LeaderRecipients, updatedBy: string, at: string) {
    this.value = { ...value, updatedAt: at, updatedBy };
  }
}

/** The series store's contract in memory: the defaults until something is saved. */
export class MemorySeries implements SeriesStore {
  value: Series[] | undefined;
  puts = 0;
  async list() {
    return this.value ? this.value.map((s) => ({ ...s })) : defaultSeriesList();
  }
  async put(series: Series[]) {
    this.puts += 1;
    this.value = series.map((s) => ({ ...s }));
  }
}
