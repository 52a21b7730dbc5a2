import { isRecord } from './types';
import type { Hold, Upstream } from './upstream';

const POLL_MS = 1;
const GIVE_UP_MS = 5_000;

/**
 * dynalite answers CreateTable/DeleteTable first and switches the table's status on a timer a moment
 * later, so a client writing right after CreateTable could still meet ResourceNotFoundException.
 * Holding the (unchanged) answer until the table is ACTIVE, or gone, makes `createTableMs: 0` mean
 * "usable as soon as the call returns" for every client.
 */
export function waitForTableSettled(upstream: Upstream, operation: 'CreateTable' | 'DeleteTable'): Hold {
  return async (statusCode, body) => {
    if (statusCode !== 200) return;
    const tableName = describedTableName(body);
    if (!tableName) return;
    const deadline = Date.now() + GIVE_UP_MS;
    while (Date.now() < deadline) {
      const { statusCode: status, body: answer } = await upstream.call('DescribeTable', {
        TableName: tableName,
      });
      const tableStatus = isRecord(answer.Table) ? answer.Table.TableStatus : undefined;
      if (operation === 'CreateTable' ? tableStatus === 'ACTIVE' : status !== 200) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
}

function describedTableName(body: Buffer): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    const description = isRecord(parsed) ? parsed.TableDescription : undefined;
    const name = isRecord(description) ? description.TableName : undefined;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
