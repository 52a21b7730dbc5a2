/**
 * The one DynamoDB table, declared once: the CDK stateful stack and the local runtime both
 * create it from this object, so keys and indexes cannot drift between the two runtimes.
 */
export interface KeyDeclaration {
  partitionKey: string;
  sortKey: string;
}

export interface IndexDeclaration extends KeyDeclaration {
  name: string;
  /** What the index answers; kept beside the keys so the access patterns stay reviewable. */
  purpose: string;
}

export interface TableDeclaration extends KeyDeclaration {
  /** Logical name; the deployed physical name comes from the environment (TABLE_NAME). */
  logicalName: string;
  timeToLiveAttribute: string;
  indexes: readonly IndexDeclaration[];
}

export const table: TableDeclaration = {
  logicalName: 'xinbao',
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    {
      name: 'gsi1',
      partitionKey: 'gsi1pk',
      sortKey: 'gsi1sk',
      purpose:
        'tokens by id; people by username; items by status and submission time (editor queue); bulletins by series and year',
    },
    {
      name: 'gsi2',
      partitionKey: 'gsi2pk',
      sortKey: 'gsi2sk',
      purpose:
        "a unit's items by submission time; a unit's people by username; aggregates by period and class",
    },
    {
      name: 'gsi3',
      partitionKey: 'gsi3pk',
      sortKey: 'gsi3sk',
      purpose:
        'all items of a month (statistics, duplicates); pending outbox mail; near-duplicate signatures not yet indexed; commissions by deadline; a year’s scoring facts (replay)',
    },
  ],
};

/** Every key attribute, for KeySchema/AttributeDefinitions builders on both sides. */
export function keyAttributes(declaration: TableDeclaration = table): string[] {
  const names = [declaration.partitionKey, declaration.sortKey];
  for (const index of declaration.indexes) names.push(index.partitionKey, index.sortKey);
  return names;
}
