import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Bulletin, bulletin } from '../../schemas/bulletins';
import type { PublishedBulletins } from '../ports';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';
import { keys } from './keys';
import { queryAll } from './query';

export const archiveYearsSetting = 'ARCHIVE_YEARS';

/** What the archive publisher reads: published bulletins by year (gsi2) and the years list. */
export class DynamoPublishedBulletins implements PublishedBulletins {
  constructor(private readonly table: TableRef) {}

  /**
   * The bulletin in whatever state it is now (strongly consistent), so the publisher sees a
   * withdrawal that raced the publish it is handling.
   */
  async get(bulletinId: string): Promise<Bulletin | undefined> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.bulletin(bulletinId),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    return Item ? bulletin.parse(Item) : undefined;
  }

  async ofYear(year: number): Promise<Bulletin[]> {
    const rows = await queryAll(this.table, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': `PUBLISHED#${year}` },
      ScanIndexForward: false,
    });
    // The index entry is removed on withdrawal; the status check guards a row caught mid-change.
    return rows.map((row) => bulletin.parse(row)).filter((b) => b.status === 'published');
  }

  async years(): Promise<number[]> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.settings(archiveYearsSetting),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    const years = Item?.years;
    const list = years instanceof Set ? [...years] : Array.isArray(years) ? years : [];
    return list
      .map(Number)
      .filter((year) => Number.isInteger(year))
      .sort((a, b) => b - a);
  }
}
