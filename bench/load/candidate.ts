import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '../../shared/domain/ids';
import { shanghaiDate } from '../../shared/domain/periods';
import type { TableRef } from '../../shared/store/dynamo/client';
import { storedItem } from '../../shared/store/dynamo/items';
import { seededRandom } from './random';
import { itemText } from './text';

/** One public item an editor has marked 拟采用 (candidate), ready to go into a new bulletin. */
export async function putCandidateItem(table: TableRef, unitId: string, now: Date): Promise<string> {
  const itemId = newId('it', now);
  const at = now.toISOString();
  await table.client.send(
    new PutCommand({
      TableName: table.tableName,
      Item: storedItem({
        ...itemText(seededRandom(now.getTime()), 1),
        itemId,
        unitId,
        status: 'candidate',
        eventDate: shanghaiDate(now),
        urgency: 'normal',
        openness: 'public',
        approver: '张建国',
        author: { name: '李晓梅', phone: '0536-8201234' },
        submittedAt: at,
        updatedAt: at,
        revisions: [],
        findings: [],
        duplicates: [],
        coUnits: [],
        version: 2,
      }),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return itemId;
}
