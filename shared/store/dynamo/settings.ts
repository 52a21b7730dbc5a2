import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DutyRecipients, dutyRecipientsStored } from '../../schemas/settings';
import type { SettingsStore } from '../ports';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';
import { keys } from './keys';

export const settingNames = { dutyRecipients: 'duty-recipients' } as const;

/** Office settings: one row per setting under the SETTINGS partition. */
export class DynamoSettingsStore implements SettingsStore {
  constructor(private readonly table: TableRef) {}

  async getDutyRecipients() {
    const { Item } = await this.table.client
      .send(
        new GetCommand({ TableName: this.table.tableName, Key: keys.settings(settingNames.dutyRecipients) }),
      )
      .catch(rethrowStoreError);
    if (!Item) return undefined;
    const { recipients, updatedAt, updatedBy } = Item;
    return dutyRecipientsStored.parse({ recipients, updatedAt, updatedBy });
  }

  async putDutyRecipients(value: DutyRecipients, updatedBy: string, at: string): Promise<void> {
    await this.table.client
      .send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...keys.settings(settingNames.dutyRecipients),
            recipients: value.recipients,
            updatedAt: at,
            updatedBy,
          },
        }),
      )
      .catch(rethrowStoreError);
  }
}
