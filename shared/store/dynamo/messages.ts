import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Message, MessagePreferences } from '../../schemas/messages';
import type {
  MessageDraft,
  MessageMailQueue,
  MessageStore,
  MessageWriter,
  PendingMessageMail,
  PersonStore,
} from '../ports';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { keys } from './keys';
import { DynamoPersonStore } from './people';
import { queryAll, queryCount } from './query';

/** A message row back to the message (rows are written only from the producers' own values). */
function toMessage(row: Record<string, unknown>): Message {
  const {
    pk: _pk,
    sk: _sk,
    type: _type,
    gsi1pk: _g1,
    gsi1sk: _g1s,
    gsi2pk: _g2,
    gsi2sk: _g2s,
    gsi3pk: _g3,
    gsi3sk: _g3s,
    personId: _person,
    ...message
  } = row;
  return message as Message;
}

/** Whether a person asked for e-mail copies of their messages (a strongly consistent read). */
async function wantsMail(table: TableRef, personId: string): Promise<boolean> {
  const { Item } = await table.client
    .send(
      new GetCommand({
        TableName: table.tableName,
        Key: keys.messagePreferences(personId),
        ConsistentRead: true,
      }),
    )
    .catch(rethrowStoreError);
  return Item?.mailCopy === true;
}

/**
 * Messages for the people of a unit: one row per person (`INBOX#<personId>`, `MSG#<messageId>`)
 * with the person's id in it, listed by time on gsi1 and, while unread, on the sparse gsi2
 * (`UNREAD#<personId>`). A message already stored (a retried decision, a rerun job) is left as it
 * is — never duplicated, never made unread again.
 */
export class DynamoMessageWriter implements MessageWriter {
  private readonly people: Pick<PersonStore, 'listByUnit'>;

  constructor(
    private readonly table: TableRef,
    people?: Pick<PersonStore, 'listByUnit'>,
  ) {
    this.people = people ?? new DynamoPersonStore(table);
  }

  async deliverToUnit(draft: MessageDraft): Promise<number> {
    const { key, ...fields } = draft;
    const recipients = (await this.people.listByUnit(draft.unitId)).filter((person) => person.active);
    let stored = 0;
    for (const person of recipients) {
      const message: Message = { ...fields, messageId: key };
      // A person who asked for e-mail copies: the message also waits for the message-mail job.
      const mail = (await wantsMail(this.table, person.personId))
        ? keys.messageMailPending(message.createdAt, person.personId, key)
        : {};
      try {
        await this.table.client.send(
          new PutCommand({
            TableName: this.table.tableName,
            Item: {
              ...keys.message(person.personId, key),
              ...keys.messageIndexes(person.personId, message.createdAt, key, true),
              ...mail,
              type: 'message',
              personId: person.personId,
              ...message,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        stored += 1;
      } catch (error) {
        if (!isConditionFailure(error)) rethrowStoreError(error);
      }
    }
    return stored;
  }
}

/** A person's inbox: every read and write names the person's own partitions. */
export class DynamoMessageStore implements MessageStore {
  constructor(private readonly table: TableRef) {}

  async page(
    personId: string,
    options: { unreadOnly: boolean; limit: number; after?: string },
  ): Promise<{ messages: Message[]; after?: string }> {
    const index = options.unreadOnly ? 'gsi2' : 'gsi1';
    const partition = options.unreadOnly ? keys.unreadPartition(personId) : keys.inboxPartition(personId);
    // The cursor is the index sort key (`<createdAt>#<messageId>`) of the last message shown.
    const lastId = options.after?.slice(options.after.indexOf('#') + 1);
    const start =
      options.after && lastId
        ? { ...keys.message(personId, lastId), [`${index}pk`]: partition, [`${index}sk`]: options.after }
        : undefined;
    const page = await this.table.client
      .send(
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: index,
          KeyConditionExpression: `${index}pk = :pk`,
          ExpressionAttributeValues: { ':pk': partition },
          ScanIndexForward: false,
          Limit: options.limit,
          ExclusiveStartKey: start,
        }),
      )
      .catch(rethrowStoreError);
    const messages = (page.Items ?? []).map(toMessage);
    const last = page.Items?.at(-1);
    const after = page.LastEvaluatedKey && last ? String(last[`${index}sk`]) : undefined;
    return { messages, ...(after ? { after } : {}) };
  }

  countUnread(personId: string): Promise<number> {
    return queryCount(this.table, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.unreadPartition(personId) },
    });
  }

  async markRead(personId: string, messageId: string, at: string): Promise<Message | undefined> {
    try {
      const { Attributes } = await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.message(personId, messageId),
          UpdateExpression: 'SET readAt = if_not_exists(readAt, :at) REMOVE gsi2pk, gsi2sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toMessage(Attributes) : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      rethrowStoreError(error);
    }
  }

  async markAllRead(personId: string, at: string): Promise<number> {
    const unread = await queryAll(this.table, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.unreadPartition(personId) },
      ProjectionExpression: 'messageId',
    });
    let marked = 0;
    for (const row of unread) {
      if (await this.markUnreadRead(personId, String(row.messageId), at)) marked += 1;
    }
    return marked;
  }

  /** Marks one message read only if it is still unread (the index may lag): true when it was. */
  private async markUnreadRead(personId: string, messageId: string, at: string): Promise<boolean> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.message(personId, messageId),
          UpdateExpression: 'SET readAt = :at REMOVE gsi2pk, gsi2sk',
          ConditionExpression: 'attribute_exists(gsi2pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      rethrowStoreError(error);
    }
  }

  async preferences(personId: string): Promise<MessagePreferences> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.messagePreferences(personId),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    return {
      mailCopy: Item?.mailCopy === true,
      ...(typeof Item?.updatedAt === 'string' ? { updatedAt: Item.updatedAt } : {}),
    };
  }

  async setPreferences(personId: string, preferences: MessagePreferences): Promise<void> {
    await this.table.client
      .send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...keys.messagePreferences(personId),
            type: 'message-preferences',
            personId,
            ...preferences,
            // Listed for the message-mail job only while copies are wanted (a sparse index).
            ...(preferences.mailCopy ? { gsi3pk: keys.messageMailPeople, gsi3sk: personId } : {}),
          },
        }),
      )
      .catch(rethrowStoreError);
  }

  /** One message of the person (strongly consistent), for tests and the read answer. */
  async get(personId: string, messageId: string): Promise<Message | undefined> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.message(personId, messageId),
          ConsistentRead: true,
        }),
      )
      .catch(rethrowStoreError);
    return Item ? toMessage(Item) : undefined;
  }
}

/** The messages waiting for their e-mail copy (sparse gsi3), for the message-mail job. */
export class DynamoMessageMailQueue implements MessageMailQueue {
  constructor(private readonly table: TableRef) {}

  async pending(): Promise<PendingMessageMail[]> {
    const rows = await queryAll(this.table, {
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.messageMailPendingPartition },
    });
    return rows.map((row) => ({ personId: String(row.personId), message: toMessage(row) }));
  }

  async done(personId: string, messageId: string): Promise<void> {
    await this.table.client
      .send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.message(personId, messageId),
          UpdateExpression: 'REMOVE gsi3pk, gsi3sk',
          ConditionExpression: 'attribute_exists(pk)',
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) rethrowStoreError(error);
      });
  }

  wantsMail(personId: string): Promise<boolean> {
    return wantsMail(this.table, personId);
  }
}
