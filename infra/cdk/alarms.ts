/**
 * Where alarms go: one SNS topic (in the stateful stack, so a confirmed e-mail subscription
 * outlives redeploys), and an aspect that makes every CloudWatch alarm of a stack notify it —
 * alarms added later included, so none can be forgotten.
 */
import { Aspects, type IAspect, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct, IConstruct } from 'constructs';

/** A TLS-only topic for operator notifications. */
export function notificationTopic(scope: Construct, id: string, displayName: string): sns.Topic {
  const topic = new sns.Topic(scope, id, { displayName, enforceSSL: true });
  Validations.of(topic).acknowledge({
    id: 'AwsSolutions-SNS2',
    reason:
      'Operator notifications (alarm state changes, SES bounce and complaint notices) carry no item text; ' +
      'CloudWatch and SES can publish to an encrypted topic only with a customer managed KMS key, not the ' +
      'AWS managed aws/sns key, which this deployment does not keep.',
  });
  return topic;
}

class NotifyOnAlarm implements IAspect {
  constructor(private readonly action: cloudwatch.IAlarmAction) {}

  visit(node: IConstruct): void {
    if (!(node instanceof cloudwatch.Alarm)) return;
    node.addAlarmAction(this.action);
    node.addOkAction(this.action);
  }
}

/** Every alarm under `scope` notifies `topic` when it fires and when it recovers. */
export function notifyOnAlarms(scope: Construct, topic: sns.ITopic): void {
  Aspects.of(scope).add(new NotifyOnAlarm(new actions.SnsAction(topic)));
}
