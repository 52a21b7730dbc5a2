/**
 * The house construct on its own, with declarations the catalogue does not have yet (bucket and
 * mail access), in the same stack as its stores and across stacks as in the real app.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { XinbaoFunction, type XinbaoFunctionResources } from '../../infra/cdk/house-function';
import { type FunctionDeclaration, functions } from '../../shared/catalogue/functions';
import { actionsOfRole, cdkJsonContext, logicalId, resourcesOf, skipBundling, testEnv } from './support';

const everything: FunctionDeclaration = {
  entry: functions.system.entry,
  description: 'test: every kind of access',
  memoryMb: 512,
  timeoutSeconds: 20,
  access: {
    table: { read: ['UNITS'], query: { gsi1: ['TOKENS'] } },
    attachments: 'readwrite',
    archive: 'read',
    mail: true,
  },
};

// The user pool's grants are tested with the app (test/infra/user-pool.test.ts).
function stores(stack: Stack): Omit<Required<XinbaoFunctionResources>, 'userPool'> {
  const table = new dynamodb.Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  });
  table.addGlobalSecondaryIndex({
    indexName: 'gsi1',
    partitionKey: { name: 'g', type: dynamodb.AttributeType.STRING },
  });
  const bucket = (id: string) =>
    new s3.Bucket(stack, id, { enforceSSL: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
  return {
    table,
    attachmentsBucket: bucket('Attachments'),
    archiveBucket: bucket('Archive'),
    mail: { configurationSet: new ses.ConfigurationSet(stack, 'Mail'), fromAddress: 'xinbao@example.gov.cn' },
    publishing: { XINBAO_OFFICE_NAME: '测试市人民政府办公室' },
  };
}

/** Builds one function with every access kind; nag runs on the function's stack only. */
function build(crossStack: boolean) {
  const app = new App({ context: { ...cdkJsonContext(), ...skipBundling } });
  const producer = new Stack(app, 'Stores', { env: testEnv });
  const consumer = crossStack ? new Stack(app, 'Functions', { env: testEnv }) : producer;
  const resources = stores(producer);
  const fn = new XinbaoFunction(consumer, 'Everything', {
    name: 'everything',
    declaration: everything,
    resources,
  });
  // The stores themselves are not what is under test here.
  for (const rule of ['AwsSolutions-S1', 'AwsSolutions-DDB3']) {
    Validations.of(producer).acknowledge({ id: rule, reason: 'Test fixture store, not deployed anywhere.' });
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const assembly = app.synth();
  return { fn, resources, template: Template.fromJSON(assembly.getStackByName(consumer.stackName).template) };
}

/** Actions of the role's statements whose resources mention `resourceLogicalId` (directly or via its export). */
function actionsOn(template: Template, roleLogicalId: string, resourceLogicalId: string): string[] {
  const actions: string[] = [];
  for (const [, properties] of resourcesOf(template, 'AWS::IAM::Policy')) {
    if (!JSON.stringify(properties.Roles).includes(`"${roleLogicalId}"`)) continue;
    const document = properties.PolicyDocument as {
      Statement: { Action: string | string[]; Resource: unknown }[];
    };
    for (const statement of document.Statement) {
      if (!JSON.stringify(statement.Resource).includes(resourceLogicalId)) continue;
      actions.push(...[statement.Action].flat());
    }
  }
  return actions;
}

describe.each([
  ['in the stores’ stack', false],
  ['in another stack', true],
])('XinbaoFunction %s', (_label, crossStack) => {
  // Synthesis runs cdk-nag: it would throw if an acknowledgement did not match its finding.
  const { fn, resources, template } = build(crossStack);
  const actions = actionsOfRole(template, logicalId(fn.role));

  it('passes cdk-nag with per-finding acknowledgements only', () => {
    expect(actions.length).toBeGreaterThan(0);
  });

  it('grants table reads but no table writes', () => {
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem']));
    expect(actions).not.toContain('dynamodb:PutItem');
  });

  it('grants bucket reads and writes on attachments, reads only on the archive', () => {
    const onAttachments = actionsOn(template, logicalId(fn.role), logicalId(resources.attachmentsBucket));
    const onArchive = actionsOn(template, logicalId(fn.role), logicalId(resources.archiveBucket));
    expect(onAttachments).toEqual(
      expect.arrayContaining(['s3:GetObject*', 's3:PutObject', 's3:DeleteObject*']),
    );
    expect(onArchive).toEqual(expect.arrayContaining(['s3:GetObject*', 's3:List*']));
    for (const action of onArchive) expect(action).not.toMatch(/^s3:(Put|Delete|Abort)/);
  });

  it('sends mail only from the configured sender, through the configuration set', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['ses:SendEmail', 'ses:SendRawEmail'],
            Condition: { StringEquals: { 'ses:FromAddress': 'xinbao@example.gov.cn' } },
          }),
        ]),
      },
    });
    const mailStatement = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(mailStatement).toContain(':configuration-set/');
    expect(mailStatement).toContain(':identity/example.gov.cn');
    expect(mailStatement).toContain(':identity/xinbao@example.gov.cn');
  });

  it('sets the environment of every store it may use', () => {
    const variables = template.toJSON().Resources[logicalId(fn.function)].Properties.Environment.Variables;
    expect(Object.keys(variables).sort()).toEqual(
      [
        'ARCHIVE_BUCKET',
        'ATTACHMENTS_BUCKET',
        'MAIL_CONFIGURATION_SET',
        'MAIL_FROM',
        'POWERTOOLS_LOG_LEVEL',
        'POWERTOOLS_SERVICE_NAME',
        'TABLE_NAME',
        'XINBAO_OFFICE_NAME',
      ].sort(),
    );
    expect(variables.MAIL_FROM).toBe('xinbao@example.gov.cn');
  });
});

describe('XinbaoFunction archive grant', () => {
  it('does not let a read-only archive function write to the archive bucket', () => {
    const app = new App({ context: { ...cdkJsonContext(), ...skipBundling } });
    const stack = new Stack(app, 'ArchiveReader', { env: testEnv });
    const resources = stores(stack);
    const fn = new XinbaoFunction(stack, 'Reader', {
      name: 'reader',
      declaration: { ...everything, access: { archive: 'read' } },
      resources,
    });
    const template = Template.fromStack(stack);
    const actions = actionsOfRole(template, logicalId(fn.role));
    expect(actions).toEqual(expect.arrayContaining(['s3:GetObject*', 's3:List*']));
    for (const action of actions) expect(action).not.toMatch(/^s3:(Put|Delete|Abort)/);
    expect(actions.some((action) => action.startsWith('dynamodb:'))).toBe(false);
  });

  it('refuses a declaration whose store was not provided', () => {
    const app = new App({ context: skipBundling });
    const stack = new Stack(app, 'Missing', { env: testEnv });
    expect(
      () => new XinbaoFunction(stack, 'Orphan', { name: 'orphan', declaration: everything, resources: {} }),
    ).toThrow(/declares table access but no table was given/);
  });
});
