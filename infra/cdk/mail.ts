/**
 * The SES configuration set every message goes through: TLS required to the receiving server,
 * bounces and complaints suppressed, and each bounce, complaint or reject published (with the
 * address and SES's reason) to a topic the operator subscribes to, counted by an alarm.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { notificationTopic } from './alarms';

export interface MailConfiguration {
  readonly configurationSet: ses.ConfigurationSet;
  /** Bounces, complaints and rejects, one notification each. */
  readonly eventsTopic: sns.Topic;
  readonly problemsAlarm: cloudwatch.Alarm;
}

export function mailConfiguration(scope: Construct, alarmEmail: string | undefined): MailConfiguration {
  const configurationSet = new ses.ConfigurationSet(scope, 'MailConfigurationSet', {
    reputationMetrics: true,
    sendingEnabled: true,
    suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    // Mail to units and leaders never leaves SES in clear text.
    tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
  });

  const eventsTopic = notificationTopic(scope, 'MailEventsTopic', 'Xinbao mail delivery problems');
  eventsTopic.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [eventsTopic.topicArn],
      // Only SES acting for this account (no confused deputy).
      conditions: { StringEquals: { 'AWS:SourceAccount': Stack.of(scope).account } },
    }),
  );
  if (alarmEmail) eventsTopic.addSubscription(new subscriptions.EmailSubscription(alarmEmail));
  configurationSet.addEventDestination('DeliveryProblems', {
    destination: ses.EventDestination.snsTopic(eventsTopic),
    events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT],
  });

  const problemsAlarm = new cloudwatch.Alarm(scope, 'MailDeliveryProblemsAlarm', {
    alarmDescription:
      'Xinbao: SES reported a bounce, complaint or reject (details in the mail-events topic and its subscribers).',
    metric: eventsTopic.metricNumberOfMessagesPublished({
      period: Duration.hours(1),
      statistic: cloudwatch.Stats.SUM,
    }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  return { configurationSet, eventsTopic, problemsAlarm };
}
