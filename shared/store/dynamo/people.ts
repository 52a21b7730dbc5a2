import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../errors';
import { parseStored } from '../../schemas/free-text';
import { type Person, type PersonEvent, person as personSchema } from '../../schemas/people';
import type { PersonStore } from '../ports';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';
import { keys } from './keys';
import { queryAll } from './query';
import { type TransactItem, transact } from './transactions';

function toPerson(item: Record<string, unknown>): Person {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = item;
  return parseStored(personSchema, rest);
}

function row(person: Person): Record<string, unknown> {
  return { ...keys.person(person.personId), ...keys.personIndexes(person), ...person };
}

/**
 * One row per person (`PERSON#<sub>`), listed through gsi1 (`PEOPLE`) and, for unit roles,
 * gsi2 (`UNITPEOPLE#<unitId>`). Reads by id are strongly consistent: the authorizer must see a
 * disable the moment it is stored.
 */
export class DynamoPersonStore implements PersonStore {
  constructor(private readonly table: TableRef) {}

  async get(personId: string): Promise<Person | undefined> {
    const { Item } = await this.table.client
      .send(
        new GetCommand({ TableName: this.table.tableName, Key: keys.person(personId), ConsistentRead: true }),
      )
      .catch(rethrowStoreError);
    return Item ? toPerson(Item) : undefined;
  }

  async list(): Promise<Person[]> {
    const items = await queryAll(this.table, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.peoplePartition, ':prefix': 'PERSON#' },
    });
    return items.map(toPerson);
  }

  async listByUnit(unitId: string): Promise<Person[]> {
    const items = await queryAll(this.table, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.unitPeoplePartition(unitId), ':prefix': 'PERSON#' },
    });
    return items.map(toPerson);
  }

  /** The person and, when given, the audit event of its creation: all or nothing. */
  async create(person: Person, event?: PersonEvent): Promise<void> {
    const put: TransactItem = {
      Put: {
        TableName: this.table.tableName,
        Item: row(person),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    await transact(this.table, [put, ...this.eventPut(person.personId, event)], () => {
      throw new ConflictError('PERSON_EXISTS', `人员“${person.username}”已存在`);
    });
  }

  /** The changed person and, when given, the audit event of the change: all or nothing. */
  async replace(person: Person, expectedVersion: number, event?: PersonEvent): Promise<void> {
    const put: TransactItem = {
      Put: {
        TableName: this.table.tableName,
        Item: row(person),
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    };
    await transact(this.table, [put, ...this.eventPut(person.personId, event)], () => {
      throw new ConflictError('VERSION_CONFLICT', '人员信息已被他人修改，请刷新后重试');
    });
  }

  /** A person's audit events, oldest first. */
  async events(personId: string): Promise<PersonEvent[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.person(personId).pk, ':prefix': 'EVENT#' },
    });
    return items.map(({ pk: _pk, sk: _sk, type: _type, ...event }) => event as PersonEvent);
  }

  private eventPut(personId: string, event: PersonEvent | undefined): TransactItem[] {
    if (!event) return [];
    return [
      {
        Put: {
          TableName: this.table.tableName,
          Item: {
            ...keys.personEvent(personId, event.at, randomBytes(4).toString('hex')),
            type: 'person-event',
            ...event,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  }
}
