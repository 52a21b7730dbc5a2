import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isRole } from '../../domain/roles';
import { ConflictError } from '../../errors';
import type { Person, PersonEvent } from '../../schemas/people';
import type { PersonStore } from '../ports';
import { batchGetRows } from './batch';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';
import { keys } from './keys';
import { queryAll } from './query';
import { type TransactItem, transact } from './transactions';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * A stored row back to a person, checked by hand like tokens (tokens.ts): the authorizer reads
 * people on every uncached call and must not carry zod (≈ 30 KB) for it. Rows are written only
 * from validated input, so this checks shape, not content.
 */
function toPerson(item: Record<string, unknown>): Person {
  const role = item.role;
  if (!isRole(role)) throw new Error('stored person has no valid role');
  const version = item.version;
  if (typeof version !== 'number') throw new Error('stored person has no version');
  const optional = (name: 'phone' | 'email' | 'unitId' | 'updatedAt') => {
    const value = text(item[name]);
    return value === undefined ? {} : { [name]: value };
  };
  return {
    personId: String(item.personId),
    username: String(item.username),
    name: String(item.name),
    role,
    active: item.active === true,
    createdAt: String(item.createdAt),
    createdBy: String(item.createdBy),
    version,
    ...optional('phone'),
    ...optional('email'),
    ...optional('unitId'),
    ...optional('updatedAt'),
  };
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

  /** People by id (BatchGetItem, eventually consistent: names for a listing); unknown ids left out. */
  async many(personIds: readonly string[]): Promise<Person[]> {
    const rows = await batchGetRows(
      this.table,
      [...new Set(personIds)].map((personId) => keys.person(personId)),
    );
    return rows.map(toPerson);
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
