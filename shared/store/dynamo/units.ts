import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { parseStored } from '#shared/schemas/free-text';
import { ConflictError } from '../../errors';
import { type Unit, unit as unitSchema } from '../../schemas/units';
import type { UnitStore } from '../ports';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { keys } from './keys';
import { queryAll } from './query';

function toUnit(item: Record<string, unknown>): Unit {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return parseStored(unitSchema, rest);
}

/** All units sit under one partition key: a few hundred rows, one paginated Query, never a Scan. */
export class DynamoUnitStore implements UnitStore {
  constructor(private readonly table: TableRef) {}

  async get(id: string): Promise<Unit | undefined> {
    const { Item } = await this.table.client
      .send(new GetCommand({ TableName: this.table.tableName, Key: keys.unit(id) }))
      .catch(rethrowStoreError);
    return Item ? toUnit(Item) : undefined;
  }

  async list(): Promise<Unit[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.unitsPartition },
    });
    return items.map(toUnit);
  }

  async create(unit: Unit): Promise<void> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...keys.unit(unit.id), ...unit },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError('UNIT_EXISTS', `单位编号“${unit.id}”已存在`);
      rethrowStoreError(error);
    }
  }

  async replace(unit: Unit, expectedVersion: number): Promise<void> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...keys.unit(unit.id), ...unit },
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ConflictError('VERSION_CONFLICT', '单位信息已被他人修改，请刷新后重试');
      }
      rethrowStoreError(error);
    }
  }
}
