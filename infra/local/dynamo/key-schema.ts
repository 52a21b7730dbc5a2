import { internalError } from './errors';
import { isRecord, type Json } from './types';
import { type Upstream, upstreamError } from './upstream';

/** The parts of DescribeTable that identify items and validate them (dynalite's table shape). */
export interface TableKeys {
  TableName: string;
  KeySchema: Array<{ AttributeName: string; KeyType: string }>;
  AttributeDefinitions: Array<{ AttributeName: string; AttributeType: string }>;
  GlobalSecondaryIndexes?: Array<{ IndexName: string; KeySchema: Array<{ AttributeName: string }> }>;
  LocalSecondaryIndexes?: Array<{ IndexName: string; KeySchema: Array<{ AttributeName: string }> }>;
}

/**
 * Caches DescribeTable per table. The front drops the cache whenever a table-changing operation
 * passes through, so a re-created table never keeps a stale key schema.
 */
export class KeySchemaCache {
  private readonly tables = new Map<string, Promise<TableKeys>>();

  constructor(private readonly upstream: Upstream) {}

  get(tableName: string): Promise<TableKeys> {
    const cached = this.tables.get(tableName);
    if (cached) return cached;
    const loading = this.describe(tableName);
    this.tables.set(tableName, loading);
    // Never cache failures: the table may be created a moment later.
    loading.catch(() => this.tables.delete(tableName));
    return loading;
  }

  clear(): void {
    this.tables.clear();
  }

  private async describe(tableName: string): Promise<TableKeys> {
    const result = await this.upstream.call('DescribeTable', { TableName: tableName });
    if (result.statusCode !== 200) throw upstreamError(result);
    const table = result.body.Table;
    if (!isTableKeys(table)) throw internalError(`DescribeTable ${tableName} answered without a key schema`);
    return table;
  }
}

function isTableKeys(value: unknown): value is TableKeys {
  if (!isRecord(value)) return false;
  const table: Json = value;
  return (
    typeof table.TableName === 'string' &&
    Array.isArray(table.KeySchema) &&
    Array.isArray(table.AttributeDefinitions)
  );
}
