/**
 * cdk-nag acknowledgements that depend on generated names. cdk-nag 3 matches an IAM5 finding by its
 * exact text, e.g. `AwsSolutions-IAM5[Resource::<BucketArn>/*]`, where a cross-stack value
 * appears as its CloudFormation import name. These helpers compute that text from the constructs,
 * so each acknowledgement names one finding and stays right when logical IDs change.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';
import type { StoreAccess } from '../../shared/catalogue/functions';

/**
 * How cdk-nag prints `value` (an attribute of a resource in `producer`'s stack) in a finding raised
 * in `consumer`'s stack. Across stacks CDK turns the value into `Fn::ImportValue` of the export that
 * `Stack.exportValue` creates (the same call CDK makes for automatic references), and cdk-nag
 * prints the import name. This assumes strong references, which cdk.json pins
 * (`@aws-cdk/core:defaultCrossStackReferences: strong`); were that changed, synthesis would fail on
 * the then unmatched findings rather than pass silently.
 */
export function nagText(consumer: IConstruct, producer: IConstruct, value: string): string {
  const consumerStack = Stack.of(consumer);
  const producerStack = Stack.of(producer);
  const seen = producerStack === consumerStack ? value : producerStack.exportValue(value);
  return flattenCfnReference(consumerStack.resolve(seen));
}

function iam5(finding: string): string {
  return `AwsSolutions-IAM5[${finding}]`;
}

/** Why each wildcard action of CDK's bucket grants is acceptable. */
const bucketActionReasons: Record<string, string> = {
  's3:GetObject*':
    'GetObject and its version/tagging/attribute reads, to serve and presign downloads of objects',
  's3:GetBucket*': 'bucket metadata reads (location, versioning) bundled into grantRead, on this bucket only',
  's3:List*': 'ListBucket/ListBucketVersions on this bucket only, to page through its keys',
  's3:PutObject*': 'PutObject and its tagging/retention variants, to store and presign uploads of objects',
  's3:DeleteObject*': 'DeleteObject and DeleteObjectVersion in this bucket, for removing replaced objects',
  's3:Abort*': 'AbortMultipartUpload, to clean up interrupted uploads in this bucket',
};

/** Acknowledges, one by one, the wildcard findings of a `grantRead`/`grantReadWrite` on a bucket. */
export function acknowledgeBucketGrant(
  role: iam.IRole,
  bucket: s3.IBucket,
  grant: iam.Grant,
  access: StoreAccess,
  label: string,
): void {
  const actions = new Set(grant.principalStatements.flatMap((statement) => statement.actions));
  for (const action of actions) {
    if (!action.includes('*')) continue;
    const reason = bucketActionReasons[action];
    if (reason === undefined)
      throw new Error(`no reason recorded for the wildcard action ${action} (nag.ts)`);
    Validations.of(role).acknowledge({
      id: iam5(`Action::${action}`),
      reason: `${label} bucket ${access} access: ${reason}.`,
    });
  }
  Validations.of(role).acknowledge({
    id: iam5(`Resource::${nagText(role, bucket, bucket.bucketArn)}/*`),
    reason:
      `${label} bucket ${access} access applies to the objects of this one bucket; object keys are ` +
      'generated per item or bulletin, so there is no fixed narrower prefix.',
  });
}

/**
 * EventBridge Scheduler's role: the LambdaInvoke target grants `lambda:InvokeFunction` on the
 * function and on `<function ARN>:*` (its versions and aliases).
 */
export function acknowledgeSchedulerInvoke(scope: IConstruct, fn: lambda.IFunction, schedule: string): void {
  Validations.of(scope).acknowledge({
    id: iam5(`Resource::${nagText(scope, fn, fn.functionArn)}:*`),
    reason:
      `Scheduler role of schedule ${schedule}: CDK's grantInvoke adds <function ARN>:* so qualified ` +
      'versions and aliases of this one function can be invoked; no other function is reachable.',
  });
}

/**
 * The findings on CDK's own BucketDeployment handler (a singleton Lambda per stack that copies the
 * asset zip into the bucket and invalidates the distribution). Its policy is CDK's, not ours: the
 * wildcard actions of `grantReadWrite`, the asset bucket's and the destination bucket's objects,
 * and CloudFront invalidations on `*` (CreateInvalidation takes no narrower resource in CDK's grant).
 */
export function acknowledgeBucketDeployment(
  deployment: BucketDeployment,
  role: iam.Role,
  site: string,
): void {
  const stack = Stack.of(deployment);
  const handler = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (!handler) throw new Error('no BucketDeployment handler in the stack (nag.ts)');
  const reason = `CDK's BucketDeployment handler that copies the ${site} into its bucket at deploy time`;
  const policy = role.node.tryFindChild('DefaultPolicy') as iam.Policy | undefined;
  const statements = (stack.resolve(policy?.document.toJSON()) as { Statement?: Record<string, unknown>[] })
    ?.Statement;
  for (const statement of statements ?? []) {
    const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
    for (const action of list(statement.Action)) {
      if (typeof action !== 'string' || !action.includes('*')) continue;
      Validations.of(role).acknowledge({
        id: iam5(`Action::${action}`),
        reason: `${reason}: ${bucketActionReasons[action] ?? 'CloudFront invalidation after the copy'}.`,
      });
    }
    for (const resource of list(statement.Resource)) {
      const text = flattenCfnReference(resource);
      if (!text.includes('*')) continue;
      Validations.of(role).acknowledge({
        id: iam5(`Resource::${text}`),
        reason:
          text === '*'
            ? `${reason}: cloudfront:CreateInvalidation/GetInvalidation, which CDK grants on every distribution.`
            : `${reason}: the objects of the CDK asset bucket (read) or of the ${site} bucket (write) only.`,
      });
    }
  }
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-L1',
    reason: `${reason}: CDK ships it with the Python runtime it is tested on; it runs only during a deploy.`,
  });
}
