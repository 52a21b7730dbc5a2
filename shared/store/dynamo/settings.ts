import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { parseStored } from '#shared/schemas/free-text';
import {
  type DutyRecipients,
  dutyRecipientsStored,
  type LeaderRecipients,
  leaderRecipientsStored,
} from '../../schemas/settings';
import type { LeaderRecipientsStore, SettingsStore } from '../ports';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';
import { keys } from './keys';

export const settingNames = {
  dutyRecipients: 'duty-recipients',
  leaderRecipients: 'leader-recipients',
} as const;

/** Office settings: one row per setting under the SETTINGS partition. */
export class DynamoSettingsStore implements SettingsStore, LeaderRecipientsStore {
  constructor(private readonly table: TableRef) {}

  private async read(name: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.table.client
      .send(new GetCommand({ TableName: this.table.tableName, Key: keys.settings(name) }))
      .catch(rethrowStoreError);
    return Item;
  }

  private async write(name: string, recipients: unknown[], updatedBy: string, at: string): Promise<void> {
    await this.table.client
      .send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...keys.settings(name), recipients, updatedAt: at, updatedBy },
        }),
      )
      .catch(rethrowStoreError);
  }

  async getDutyRecipients() {
    const Item = await this.read(settingNames.dutyRecipients);
    if (!Item) return undefined;
    const { recipients, updatedAt, updatedBy } = Item;
    return parseStored(dutyRecipientsStored, { recipients, updatedAt, updatedBy });
  }

  async putDutyRecipients(value: DutyRecipients, updatedBy: string, at: string): Promise<void> {
    await this.write(settingNames.dutyRecipients, value.recipients, updatedBy, at);
  }

  async getLeaderRecipients() {
    const Item = await this.read(settingNames.leaderRecipients);
    if (!Item) return undefined;
    const { recipients, updatedAt, updatedBy } = Item;
    return parseStored(leaderRecipientsStored, { recipients, updatedAt, updatedBy });
  }

  async putLeaderRecipients(value: LeaderRecipients, updatedBy: string, at: string): Promise<void> {
    await this.write(settingNames.leaderRecipients, value.recipients, updatedBy, at);
  }
}
