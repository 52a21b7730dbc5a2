/**
 * Least privilege on the one table, read from the synthesized template: every DynamoDB statement
 * of every function names its actions, one table or one index ARN, and the partition-key
 * patterns it may reach (`dynamodb:LeadingKeys`), exactly as shared/catalogue/functions.ts
 * declares them.
 */
import { describe, expect, it } from 'vitest';
import { type FunctionName, functionNames, functions } from '../../shared/catalogue/functions';
import { matchesPattern, type TableAccess, tablePatterns } from '../../shared/catalogue/table-access';
import { logicalId, resourcesOf, synthesizeXinbao } from './support';

const { stateless, statelessTemplate: template } = synthesizeXinbao({ nag: false });

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string[]>>;
}

function dynamoStatements(name: FunctionName): Statement[] {
  const role = logicalId(stateless.functions[name].role);
  return resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([, properties]) => (properties.Roles as { Ref?: string }[]).some((entry) => entry.Ref === role))
    .flatMap(([, properties]) => (properties.PolicyDocument as { Statement: Statement[] }).Statement)
    .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('dynamodb:')));
}

const leadingKeysOf = (statement: Statement): string[] =>
  statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? [];

/** `table` or an index name, from a statement's resource (`GetAtt Table.Arn` or `<arn>/index/gsiN`). */
function resourceName(statement: Statement): string {
  const text = JSON.stringify(statement.Resource);
  const index = /\/index\/([^"\\]+)"/.exec(text);
  return index?.[1] ?? 'table';
}

/** The patterns each action may reach on the table and on each index, from the policy. */
function granted(name: FunctionName): Map<string, Set<string>> {
  const reach = new Map<string, Set<string>>();
  for (const statement of dynamoStatements(name)) {
    for (const action of [statement.Action].flat()) {
      const key = `${resourceName(statement)} ${action}`;
      const patterns = reach.get(key) ?? new Set<string>();
      for (const pattern of leadingKeysOf(statement)) patterns.add(pattern);
      reach.set(key, patterns);
    }
  }
  return reach;
}

const tableAccess = (name: FunctionName): TableAccess | undefined =>
  (functions[name].access as { table?: TableAccess }).table;
const withTable = functionNames.filter((name) => tableAccess(name) !== undefined);

describe('table access in the synthesized policies', () => {
  it.each(withTable)('%s: every DynamoDB statement is held to partition-key patterns', (name) => {
    const statements = dynamoStatements(name);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      expect(leadingKeysOf(statement).length, JSON.stringify(statement)).toBeGreaterThan(0);
      expect(leadingKeysOf(statement)).not.toContain('*');
      // One table or one named index: never `<table>/index/*`, never `*`.
      expect(JSON.stringify(statement.Resource)).not.toMatch(/\*/);
      for (const action of [statement.Action].flat()) {
        expect(action).not.toBe('dynamodb:Scan');
        expect(action).not.toContain('*');
      }
    }
  });

  it.each(withTable)('%s: the policy grants exactly what the catalogue declares', (name) => {
    const access = tableAccess(name) ?? {};
    const { read, write, update } = tablePatterns(access);
    const expected = new Map<string, Set<string>>();
    const add = (key: string, patterns: readonly string[]) => {
      if (patterns.length === 0) return;
      const set = expected.get(key) ?? new Set<string>();
      for (const pattern of patterns) set.add(pattern);
      expected.set(key, set);
    };
    for (const action of ['GetItem', 'Query', 'ConditionCheckItem']) add(`table dynamodb:${action}`, read);
    for (const action of ['PutItem', 'UpdateItem']) add(`table dynamodb:${action}`, write);
    add('table dynamodb:UpdateItem', update);
    add('table dynamodb:DeleteItem', access.delete ?? []);
    add('table dynamodb:BatchGetItem', access.batchGet ?? []);
    add('table dynamodb:BatchWriteItem', access.batchWrite ?? []);
    for (const [index, patterns] of Object.entries(access.query ?? {}))
      add(`${index} dynamodb:Query`, patterns ?? []);
    expect(granted(name)).toEqual(expected);
  });

  it('keeps the authorizer to reading and touching token rows: it can create none, nor reach any other row', () => {
    const reach = granted('authorizer');
    expect([...reach.keys()].sort()).toEqual(
      [
        'table dynamodb:ConditionCheckItem',
        'table dynamodb:GetItem',
        'table dynamodb:Query',
        'table dynamodb:UpdateItem',
      ].sort(),
    );
    const patterns = [...reach.values()].flatMap((set) => [...set]);
    const foreign = [
      'ITEM#01JD8X',
      'UNITS',
      'AGG#2026',
      'LEDGER#weicheng',
      'SCOREFACT#x',
      'SETTINGS',
      'POLICY#2026',
      'IDEMPOTENCY#submitItem',
      'QUEUE#submitted',
    ];
    for (const partition of foreign) {
      expect(
        patterns.some((pattern) => matchesPattern(partition, pattern)),
        partition,
      ).toBe(false);
    }
    expect(patterns.some((pattern) => matchesPattern('TOKEN#0a1b2c', pattern))).toBe(true);
  });

  it('gives only the functions that write rows any write action, and deletes to almost none', () => {
    const writers = withTable.filter((name) => granted(name).has('table dynamodb:PutItem'));
    expect(writers).not.toContain('system');
    expect(writers).not.toContain('scores');
    const deleters = withTable.filter((name) => granted(name).has('table dynamodb:DeleteItem'));
    for (const name of deleters) {
      // Only idempotency records (a failed attempt's is removed) and sent-mail markers.
      for (const pattern of granted(name).get('table dynamodb:DeleteItem') ?? []) {
        expect(['IDEMPOTENCY#*', 'JOBMAIL#*']).toContain(pattern);
      }
    }
  });
});
