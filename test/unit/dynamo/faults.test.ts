import { describe, expect, it } from 'vitest';
import { FaultInjector, parseFaultPlan } from '../../../infra/local/dynamo/faults';

const target = (operation: string) => `DynamoDB_20120810.${operation}`;

/** Draws 0, 0.1, 0.2, … 0.9, 0, … so exactly one call in ten falls under a 10% share. */
function evenDraws(): () => number {
  let index = 0;
  return () => (index++ % 10) / 10;
}

describe('parseFaultPlan', () => {
  it('reads a throttle share and treats an absent or empty setting as no faults', () => {
    expect(parseFaultPlan('throttle:0.1')).toEqual({ throttle: 0.1 });
    expect(parseFaultPlan(' throttle : 0.25 ')).toEqual({ throttle: 0.25 });
    expect(parseFaultPlan(undefined)).toEqual({ throttle: 0 });
    expect(parseFaultPlan('')).toEqual({ throttle: 0 });
  });

  it('refuses what it does not understand, naming it', () => {
    for (const bad of [
      'throttle',
      'throttle:',
      'throttle:1.5',
      'throttle:-0.1',
      'throttle:ten',
      'latency:0.1',
    ]) {
      expect(() => parseFaultPlan(bad)).toThrow(bad);
    }
  });
});

describe('FaultInjector', () => {
  it('throttles the planned share of data calls with DynamoDB’s own error, and counts them', () => {
    const injector = new FaultInjector({ throttle: 0.1 }, evenDraws());
    injector.arm();
    const faults = Array.from({ length: 100 }, (_, index) =>
      injector.faultFor(target(index % 2 ? 'Query' : 'TransactWriteItems')),
    ).filter((fault) => fault !== undefined);
    expect(faults).toHaveLength(10);
    expect(faults[0]).toMatchObject({
      statusCode: 400,
      type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    });
    expect(faults[0]?.body()).toMatchObject({
      __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    });
    expect(injector.stats()).toMatchObject({
      calls: 100,
      injected: { throttle: 10 },
      byOperation: { TransactWriteItems: 10 },
    });
  });

  it('injects nothing before it is armed, nor into table management calls', () => {
    const injector = new FaultInjector({ throttle: 1 });
    expect(injector.faultFor(target('PutItem'))).toBeUndefined();
    injector.arm();
    for (const operation of ['CreateTable', 'DescribeTable', 'ListTables', 'UpdateTimeToLive']) {
      expect(injector.faultFor(target(operation))).toBeUndefined();
    }
    expect(injector.faultFor(undefined)).toBeUndefined();
    expect(injector.faultFor(target('GetItem'))).toBeDefined();
    expect(injector.stats()).toMatchObject({ armed: true, calls: 1, injected: { throttle: 1 } });
  });

  it('injects nothing with a zero share', () => {
    const injector = new FaultInjector({ throttle: 0 }, () => 0);
    injector.arm();
    expect(injector.faultFor(target('PutItem'))).toBeUndefined();
    expect(injector.stats().injected.throttle).toBe(0);
  });
});
