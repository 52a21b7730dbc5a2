import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Bulletin, bulletin as bulletinSchema } from '#shared/schemas/bulletins';
import type { TableRef } from '#shared/store/dynamo/client';
import { rethrowStoreError } from '#shared/store/dynamo/errors';
import { keys } from '#shared/store/dynamo/keys';
import type { MailBulletinReader } from './deps';

/**
 * One bulletin by id, read consistently: the mailer runs right after the publish transaction, and
 * an eventually consistent read could still miss it.
 */
export class DynamoMailBulletinReader implements MailBulletinReader {
  constructor(private readonly table: TableRef) {}

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
    return Item ? bulletinSchema.parse(Item) : undefined;
  }
}
