import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isRole } from '../../domain/roles';
import { ConflictError } from '../../errors';
import type { Person } from '../../schemas/people';
import type { PersonStore } from '../ports';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { keys } from './keys';
import { queryAll } from './query';

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

  async create(person: Person): Promise<void> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: row(person),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new ConflictError('PERSON_EXISTS', `人员“${person.username}”已存在`);
      rethrowStoreError(error);
    }
  }

  async replace(person: Person, expectedVersion: number): Promise<void> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: row(person),
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ConflictError('VERSION_CONFLICT', '人员信息已被他人修改，请刷新后重试');
      }
      rethrowStoreError(error);
    }
  }
}
