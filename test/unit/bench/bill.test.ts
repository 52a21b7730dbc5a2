import { describe, expect, it } from 'vitest';
import {
  awsPrices,
  formatUsd,
  type MonthlyUsage,
  monthlyBill,
  runsPerMonth,
  scaleUsage,
  withJobs,
} from '../../../bench/support/bill';
import { itemSize } from '../../../bench/support/item-size';

const nothing: MonthlyUsage = {
  dynamo: { readUnits: 0, writeUnits: 0, storageGb: 0, pitrGb: 0 },
  lambda: {},
  api: { requests: 0 },
  s3: { putRequests: 0, getRequests: 0, storedGb: 0 },
  cloudfront: { bytesOut: 0, requests: 0, functionInvocations: 0 },
  ses: { messages: 0 },
  cloudwatch: { alarms: 0 },
  scheduler: { invocations: 0 },
};

const line = (usage: MonthlyUsage, service: string) =>
  monthlyBill(usage).lines.find((entry) => entry.service === service)?.usd;

describe('the monthly bill', () => {
  it('costs nothing for no usage', () => {
    expect(monthlyBill(nothing).total).toBe(0);
  });

  it('prices a million write and read units at the on-demand list prices', () => {
    const usage = { ...nothing, dynamo: { readUnits: 1e6, writeUnits: 1e6, storageGb: 2, pitrGb: 2 } };
    expect(line(usage, 'DynamoDB writes')).toBeCloseTo(awsPrices.dynamoPerMillionWrites);
    expect(line(usage, 'DynamoDB reads')).toBeCloseTo(awsPrices.dynamoPerMillionReads);
    expect(line(usage, 'DynamoDB storage')).toBeCloseTo(2 * awsPrices.dynamoStoragePerGbMonth);
    expect(line(usage, 'DynamoDB PITR')).toBeCloseTo(2 * awsPrices.dynamoPitrPerGbMonth);
  });

  it('bills Lambda compute at each function’s configured memory', () => {
    const usage = {
      ...nothing,
      lambda: {
        small: { invocations: 1000, ms: 1_000_000, memoryMb: 256 },
        large: { invocations: 1000, ms: 1_000_000, memoryMb: 1024 },
      },
    };
    // 1,000 s at 0.25 GB + 1,000 s at 1 GB = 1,250 GB-s.
    expect(line(usage, 'Lambda compute (arm64)')).toBeCloseTo(1250 * awsPrices.lambdaPerGbSecond);
    expect(line(usage, 'Lambda requests')).toBeCloseTo((2000 / 1e6) * awsPrices.lambdaPerMillionRequests);
  });

  it('adds every service into the total', () => {
    const usage: MonthlyUsage = {
      dynamo: { readUnits: 2e6, writeUnits: 4e6, storageGb: 1, pitrGb: 1 },
      lambda: { items: { invocations: 1e6, ms: 1e8, memoryMb: 512 } },
      api: { requests: 1e6 },
      s3: { putRequests: 10_000, getRequests: 100_000, storedGb: 10 },
      cloudfront: { bytesOut: 1024 ** 3, requests: 1e5, functionInvocations: 1e6 },
      ses: { messages: 1000 },
      cloudwatch: { alarms: 10 },
      scheduler: { invocations: 1e6 },
    };
    const expected =
      2 * 0.125 +
      4 * 0.625 +
      0.25 +
      0.2 +
      0.2 +
      50_000 * 0.0000133334 +
      1 +
      0.05 +
      0.04 +
      0.23 +
      0.085 +
      0.1 +
      0.1 +
      0.1 +
      1 +
      1;
    expect(monthlyBill(usage).total).toBeCloseTo(expected, 6);
  });

  it('scales what grows with the office and keeps the deploy’s fixed costs once', () => {
    const usage: MonthlyUsage = {
      ...nothing,
      dynamo: { readUnits: 10, writeUnits: 20, storageGb: 0.5, pitrGb: 0.5 },
      lambda: { items: { invocations: 3, ms: 300, memoryMb: 512 } },
      cloudwatch: { alarms: 30 },
      scheduler: { invocations: 9000 },
    };
    const province = withJobs(scaleUsage(usage, 10), {
      heartbeat: { invocations: 2922, ms: 2922, memoryMb: 256 },
    });
    expect(province.dynamo).toEqual({ readUnits: 100, writeUnits: 200, storageGb: 5, pitrGb: 5 });
    expect(province.lambda.items).toEqual({ invocations: 30, ms: 3000, memoryMb: 512 });
    expect(province.lambda.heartbeat?.invocations).toBe(2922);
    expect(province.cloudwatch.alarms).toBe(30);
    expect(province.scheduler.invocations).toBe(9000);
  });

  it('counts a month of cron runs', () => {
    const every = { hour: '*', dayOfMonth: '*', dayOfWeek: '*' };
    expect(runsPerMonth({ ...every, minute: '0/15' })).toBeCloseTo(4 * 24 * 30.4375);
    expect(runsPerMonth({ minute: '0', hour: '9', dayOfMonth: '1', dayOfWeek: '*' })).toBe(1);
    expect(runsPerMonth({ minute: '30', hour: '8', dayOfMonth: '*', dayOfWeek: 'MON' })).toBeCloseTo(
      4.348,
      2,
    );
  });

  it('formats dollars for reading', () => {
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd(0.0012)).toBe('$0.0012');
    expect(formatUsd(0)).toBe('$0.00');
  });
});

describe('DynamoDB item size', () => {
  it('counts names and strings in UTF-8, numbers by significant digits, maps and lists with overhead', () => {
    expect(itemSize({ pk: { S: 'ab' } })).toBe(4);
    expect(itemSize({ t: { S: '桃花' } })).toBe(1 + 6);
    expect(itemSize({ n: { N: '12345' } })).toBe(1 + 4);
    expect(itemSize({ b: { BOOL: true } })).toBe(2);
    expect(itemSize({ m: { M: { a: { S: 'x' } } } })).toBe(1 + 3 + 1 + 1 + 1);
    expect(itemSize({ l: { L: [{ N: '1' }, { N: '2' }] } })).toBe(1 + 3 + 2 * (1 + 2));
  });
});
