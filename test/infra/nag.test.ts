/**
 * cdk-nag 3 runs as a policy-validation plugin: an in-memory `app.synth()` throws a
 * ValidationFailed error listing every unacknowledged finding, and a clean synthesis writes a
 * validation report without plugin reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { acknowledgeBucketGrant } from '../../infra/cdk/nag';
import { acknowledgements, cdkJsonContext, synthesizeXinbao, testEnv } from './support';

describe('the Xinbao app under the AwsSolutions pack', () => {
  const xinbao = synthesizeXinbao({ nag: true });

  it('synthesizes with no unacknowledged finding', () => {
    const report = JSON.parse(
      readFileSync(path.join(xinbao.assembly.directory, 'validation-report.json'), 'utf8'),
    );
    expect(report.pluginReports).toEqual([]);
  });

  it('acknowledges each finding with a written reason, IAM findings one by one', () => {
    const acknowledged = acknowledgements(xinbao.app);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { id, reason, path: where } of acknowledged) {
      expect(reason.length, `${where} ${id}`).toBeGreaterThan(40);
      // IAM4/IAM5 must name the finding: `AwsSolutions-IAM5[Resource::…]`, never the bare rule.
      if (/AwsSolutions-IAM[45]/.test(id)) expect(id, where).toMatch(/AwsSolutions-IAM[45]\[.+\]$/);
    }
  });

  it('has no IAM4 (managed policy) finding to acknowledge at all', () => {
    expect(acknowledgements(xinbao.app).filter(({ id }) => id.includes('IAM4'))).toEqual([]);
  });
});

describe('the check itself', () => {
  const newApp = () => {
    const app = new App({ context: cdkJsonContext() });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    return app;
  };

  it('fails synthesis on a bucket without access logs or TLS enforcement', () => {
    const app = newApp();
    new s3.Bucket(new Stack(app, 'Bad', { env: testEnv }), 'Plain');
    expect(() => app.synth()).toThrow(
      /AwsSolutions-S1[\s\S]*AwsSolutions-S10|AwsSolutions-S10[\s\S]*AwsSolutions-S1/,
    );
  });

  /** A role reading a bucket in another stack, as the Xinbao functions do. */
  const bucketReader = (acknowledge: boolean) => {
    const app = newApp();
    const producer = new Stack(app, 'Producer', { env: testEnv });
    const consumer = new Stack(app, 'Consumer', { env: testEnv });
    const bucket = new s3.Bucket(producer, 'Bucket', {
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Test fixture bucket, never deployed.',
    });
    const role = new iam.Role(consumer, 'Reader', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    const grant = bucket.grantRead(role);
    if (acknowledge) acknowledgeBucketGrant(role, bucket, grant, 'read', 'fixture');
    return app;
  };

  it('reports the object wildcard of a cross-stack bucket grant, by its import name', () => {
    expect(() => bucketReader(false).synth()).toThrow(
      /AwsSolutions-IAM5\[Resource::Producer:ExportsOutputFnGetAttBucket\w+\/\*\]/,
    );
  });

  it('accepts that grant once the house acknowledgement names the exact finding', () => {
    expect(() => bucketReader(true).synth()).not.toThrow();
  });

  it('does not let a bare rule id stand in for a specific IAM5 finding', () => {
    const app = bucketReader(false);
    const role = app.node.findAll().find((construct) => construct.node.path === 'Consumer/Reader');
    expect(role).toBeDefined();
    if (role)
      Validations.of(role).acknowledge({ id: 'AwsSolutions-IAM5', reason: 'Blanket acknowledgement.' });
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5\[Resource::/);
  });
});
