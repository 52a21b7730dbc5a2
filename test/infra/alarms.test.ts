/**
 * Alarms that notify: every CloudWatch alarm in both stacks (function errors, the schedules'
 * dead letters, the mailer's failures, mail delivery problems) sends its state changes to the
 * one alarm topic; the asynchronously invoked mailer keeps failed runs in a queue that alarms.
 */
import { describe, expect, it } from 'vitest';
import { functionNames } from '../../shared/catalogue/functions';
import { logicalId, resourcesOf, synthesizeXinbao } from './support';

const xinbao = synthesizeXinbao();
const { stateful, stateless, statefulTemplate, statelessTemplate } = xinbao;
const alarmTopicArn = (template: typeof statelessTemplate) =>
  template === statefulTemplate
    ? { Ref: logicalId(stateful.alarmTopic) }
    : expect.objectContaining({ 'Fn::ImportValue': expect.stringContaining('AlarmTopic') });

describe('alarm actions', () => {
  const alarms = [
    ...resourcesOf(statelessTemplate, 'AWS::CloudWatch::Alarm').map(
      ([id, properties]) => [`stateless ${id}`, properties, statelessTemplate] as const,
    ),
    ...resourcesOf(statefulTemplate, 'AWS::CloudWatch::Alarm').map(
      ([id, properties]) => [`stateful ${id}`, properties, statefulTemplate] as const,
    ),
  ];

  it('covers every function, the dead-letter queue, the mailer failure queue and mail delivery problems', () => {
    // One errors alarm per function, plus DLQ, mailer failures and SES bounces/complaints/rejects.
    expect(alarms).toHaveLength(functionNames.length + 3);
  });

  it.each(alarms)(
    '%s notifies the alarm topic when it fires and when it recovers',
    (_id, properties, template) => {
      expect(properties.AlarmActions).toEqual([alarmTopicArn(template)]);
      expect(properties.OKActions).toEqual([alarmTopicArn(template)]);
    },
  );
});

describe("the mailer's failed runs", () => {
  it('go to an encrypted queue after two retries', () => {
    statelessTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId(stateless.functions.mailer.function) },
      MaximumRetryAttempts: 2,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(stateless.mailerFailureQueue), 'Arn'] } },
      },
    });
    statelessTemplate.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('raise an alarm as soon as one is there', () => {
    const queueName = { 'Fn::GetAtt': [logicalId(stateless.mailerFailureQueue), 'QueueName'] };
    const matching = resourcesOf(statelessTemplate, 'AWS::CloudWatch::Alarm').filter(([, properties]) =>
      JSON.stringify(properties.Dimensions).includes(JSON.stringify(queueName)),
    );
    expect(matching).toHaveLength(1);
    expect(matching[0]?.[1]).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });
});
