/**
 * The monthly AWS bill of a usage, at list prices (us-east-1, on demand, no free tier, before tax).
 * The usage comes from what the year bench counted (bench/measures/year.ts); the prices are
 * assumptions printed beside the figure, so a reader can redo the sum with their region's prices.
 */

import { schedules } from '../../events/schedules';
import { functions } from '../../shared/catalogue/functions';

export interface FunctionUsage {
  invocations: number;
  /** Billed milliseconds of all invocations together. */
  ms: number;
  memoryMb: number;
}

export interface MonthlyUsage {
  dynamo: {
    /** Read request units (a transaction's reads already counted twice). */
    readUnits: number;
    /** Write request units (a transaction's writes already counted twice, GSI writes included). */
    writeUnits: number;
    storageGb: number;
    /** Point-in-time recovery is billed on the table's size. */
    pitrGb: number;
  };
  lambda: Record<string, FunctionUsage>;
  api: { requests: number };
  s3: { putRequests: number; getRequests: number; storedGb: number };
  cloudfront: { bytesOut: number; requests: number; functionInvocations: number };
  ses: { messages: number };
  cloudwatch: { alarms: number };
  scheduler: { invocations: number };
}

export interface Prices {
  dynamoPerMillionWrites: number;
  dynamoPerMillionReads: number;
  dynamoStoragePerGbMonth: number;
  dynamoPitrPerGbMonth: number;
  lambdaPerMillionRequests: number;
  /** arm64 (Graviton), first price tier. */
  lambdaPerGbSecond: number;
  apiPerMillionRequests: number;
  s3PerThousandPuts: number;
  s3PerThousandGets: number;
  s3PerGbMonth: number;
  cloudfrontPerGbOut: number;
  cloudfrontPerTenThousandRequests: number;
  cloudfrontFunctionsPerMillion: number;
  sesPerThousandMessages: number;
  cloudwatchPerAlarmMonth: number;
  schedulerPerMillionInvocations: number;
}

/** us-east-1 list prices (December 2026 assumptions; on demand, no free tier). */
export const awsPrices: Prices = {
  dynamoPerMillionWrites: 0.625,
  dynamoPerMillionReads: 0.125,
  dynamoStoragePerGbMonth: 0.25,
  dynamoPitrPerGbMonth: 0.2,
  lambdaPerMillionRequests: 0.2,
  lambdaPerGbSecond: 0.0000133334,
  apiPerMillionRequests: 1.0,
  s3PerThousandPuts: 0.005,
  s3PerThousandGets: 0.0004,
  s3PerGbMonth: 0.023,
  cloudfrontPerGbOut: 0.085,
  cloudfrontPerTenThousandRequests: 0.01,
  cloudfrontFunctionsPerMillion: 0.1,
  sesPerThousandMessages: 0.1,
  cloudwatchPerAlarmMonth: 0.1,
  schedulerPerMillionInvocations: 1.0,
};

export interface BillLine {
  service: string;
  quantity: string;
  unitPrice: string;
  usd: number;
}

export interface Bill {
  lines: BillLine[];
  total: number;
}

const gb = 1024 ** 3;

export function formatUsd(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.01) return `$${value.toFixed(4)}`;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

const count = (value: number) => Math.round(value).toLocaleString('en-US');

/** GB-seconds of a function's usage at its configured memory. */
export const gbSeconds = (usage: FunctionUsage) => (usage.ms / 1000) * (usage.memoryMb / 1024);

export function monthlyBill(usage: MonthlyUsage, prices: Prices = awsPrices): Bill {
  const lambdaCalls = Object.values(usage.lambda).reduce((sum, each) => sum + each.invocations, 0);
  const lambdaGbs = Object.values(usage.lambda).reduce((sum, each) => sum + gbSeconds(each), 0);
  const lines: BillLine[] = [
    {
      service: 'DynamoDB writes',
      quantity: `${count(usage.dynamo.writeUnits)} WRU`,
      unitPrice: `$${prices.dynamoPerMillionWrites}/M WRU`,
      usd: (usage.dynamo.writeUnits / 1e6) * prices.dynamoPerMillionWrites,
    },
    {
      service: 'DynamoDB reads',
      quantity: `${count(usage.dynamo.readUnits)} RRU`,
      unitPrice: `$${prices.dynamoPerMillionReads}/M RRU`,
      usd: (usage.dynamo.readUnits / 1e6) * prices.dynamoPerMillionReads,
    },
    {
      service: 'DynamoDB storage',
      quantity: `${usage.dynamo.storageGb.toFixed(3)} GB`,
      unitPrice: `$${prices.dynamoStoragePerGbMonth}/GB-month`,
      usd: usage.dynamo.storageGb * prices.dynamoStoragePerGbMonth,
    },
    {
      service: 'DynamoDB PITR',
      quantity: `${usage.dynamo.pitrGb.toFixed(3)} GB`,
      unitPrice: `$${prices.dynamoPitrPerGbMonth}/GB-month`,
      usd: usage.dynamo.pitrGb * prices.dynamoPitrPerGbMonth,
    },
    {
      service: 'Lambda requests',
      quantity: count(lambdaCalls),
      unitPrice: `$${prices.lambdaPerMillionRequests}/M`,
      usd: (lambdaCalls / 1e6) * prices.lambdaPerMillionRequests,
    },
    {
      service: 'Lambda compute (arm64)',
      quantity: `${count(lambdaGbs)} GB-s`,
      unitPrice: `$${prices.lambdaPerGbSecond}/GB-s`,
      usd: lambdaGbs * prices.lambdaPerGbSecond,
    },
    {
      service: 'API Gateway (HTTP API)',
      quantity: count(usage.api.requests),
      unitPrice: `$${prices.apiPerMillionRequests}/M`,
      usd: (usage.api.requests / 1e6) * prices.apiPerMillionRequests,
    },
    {
      service: 'S3 requests',
      quantity: `${count(usage.s3.putRequests)} PUT/LIST + ${count(usage.s3.getRequests)} GET`,
      unitPrice: `$${prices.s3PerThousandPuts}/k PUT, $${prices.s3PerThousandGets}/k GET`,
      usd:
        (usage.s3.putRequests / 1000) * prices.s3PerThousandPuts +
        (usage.s3.getRequests / 1000) * prices.s3PerThousandGets,
    },
    {
      service: 'S3 storage',
      quantity: `${usage.s3.storedGb.toFixed(3)} GB`,
      unitPrice: `$${prices.s3PerGbMonth}/GB-month`,
      usd: usage.s3.storedGb * prices.s3PerGbMonth,
    },
    {
      service: 'CloudFront',
      quantity: `${(usage.cloudfront.bytesOut / gb).toFixed(2)} GB out, ${count(usage.cloudfront.requests)} requests, ${count(usage.cloudfront.functionInvocations)} function runs`,
      unitPrice: `$${prices.cloudfrontPerGbOut}/GB, $${prices.cloudfrontPerTenThousandRequests}/10k requests, $${prices.cloudfrontFunctionsPerMillion}/M function runs`,
      usd:
        (usage.cloudfront.bytesOut / gb) * prices.cloudfrontPerGbOut +
        (usage.cloudfront.requests / 1e4) * prices.cloudfrontPerTenThousandRequests +
        (usage.cloudfront.functionInvocations / 1e6) * prices.cloudfrontFunctionsPerMillion,
    },
    {
      service: 'SES',
      quantity: `${count(usage.ses.messages)} messages`,
      unitPrice: `$${prices.sesPerThousandMessages}/k`,
      usd: (usage.ses.messages / 1000) * prices.sesPerThousandMessages,
    },
    {
      service: 'CloudWatch alarms',
      quantity: count(usage.cloudwatch.alarms),
      unitPrice: `$${prices.cloudwatchPerAlarmMonth}/alarm-month`,
      usd: usage.cloudwatch.alarms * prices.cloudwatchPerAlarmMonth,
    },
    {
      service: 'EventBridge Scheduler',
      quantity: count(usage.scheduler.invocations),
      unitPrice: `$${prices.schedulerPerMillionInvocations}/M`,
      usd: (usage.scheduler.invocations / 1e6) * prices.schedulerPerMillionInvocations,
    },
  ];
  return { lines, total: lines.reduce((sum, line) => sum + line.usd, 0) };
}

/** One line per service, e.g. `DynamoDB writes 1,234 WRU × $0.625/M WRU = $0.0008`. */
export function formatBill(bill: Bill): string {
  return [
    ...bill.lines.map(
      (line) => `${line.service}: ${line.quantity} × ${line.unitPrice} = ${formatUsd(line.usd)}`,
    ),
    `total ${formatUsd(bill.total)}/month`,
  ].join('; ');
}

/** Memory of a catalogue function, so the bill follows the deploy; 128 MB for unknown names. */
export function memoryOf(name: string): number {
  return Object.hasOwn(functions, name) ? functions[name as keyof typeof functions].memoryMb : 128;
}

/** CloudWatch alarms the deploy creates: one per function (errors), two queues, mail delivery. */
export const deployedAlarms = (): number => Object.keys(functions).length + 3;

const daysPerMonth = 365.25 / 12;

function perHour(minute: string): number {
  const step = /^\d+\/(\d+)$/.exec(minute)?.[1];
  if (step) return Math.ceil(60 / Number(step));
  return minute === '*' ? 60 : minute.split(',').length;
}

function perDay(hour: string): number {
  return hour === '*' ? 24 : hour.split(',').length;
}

/** Runs a month of one cron declaration (Asia/Shanghai; every field as events/schedules.ts uses). */
export function runsPerMonth(cron: { minute: string; hour: string; dayOfMonth: string; dayOfWeek: string }) {
  const daily = perHour(cron.minute) * perDay(cron.hour);
  if (cron.dayOfMonth !== '*') return daily * cron.dayOfMonth.split(',').length;
  if (cron.dayOfWeek !== '*') return daily * cron.dayOfWeek.split(',').length * (daysPerMonth / 7);
  return daily * daysPerMonth;
}

/** Scheduler invocations per month and, per function, how many of them it receives. */
export function scheduledRuns(): { total: number; byFunction: Record<string, number> } {
  const byFunction: Record<string, number> = {};
  let total = 0;
  for (const schedule of schedules) {
    const runs = runsPerMonth(schedule.cron);
    total += runs;
    byFunction[schedule.function] = (byFunction[schedule.function] ?? 0) + runs;
  }
  return { total, byFunction };
}

/**
 * Multiplies what grows with the office (requests, units, storage, traffic) by `factor`; the
 * deploy's fixed costs (alarms, scheduler invocations) stay once.
 */
export function scaleUsage(usage: MonthlyUsage, factor: number): MonthlyUsage {
  const lambda: Record<string, FunctionUsage> = {};
  for (const [name, each] of Object.entries(usage.lambda)) {
    lambda[name] = { ...each, invocations: each.invocations * factor, ms: each.ms * factor };
  }
  return {
    dynamo: {
      readUnits: usage.dynamo.readUnits * factor,
      writeUnits: usage.dynamo.writeUnits * factor,
      storageGb: usage.dynamo.storageGb * factor,
      pitrGb: usage.dynamo.pitrGb * factor,
    },
    lambda,
    api: { requests: usage.api.requests * factor },
    s3: {
      putRequests: usage.s3.putRequests * factor,
      getRequests: usage.s3.getRequests * factor,
      storedGb: usage.s3.storedGb * factor,
    },
    cloudfront: {
      bytesOut: usage.cloudfront.bytesOut * factor,
      requests: usage.cloudfront.requests * factor,
      functionInvocations: usage.cloudfront.functionInvocations * factor,
    },
    ses: { messages: usage.ses.messages * factor },
    cloudwatch: usage.cloudwatch,
    scheduler: usage.scheduler,
  };
}

/** Adds the scheduled jobs' invocations (fixed: the same schedules at any size) to a usage. */
export function withJobs(usage: MonthlyUsage, jobs: Record<string, FunctionUsage>): MonthlyUsage {
  const lambda = { ...usage.lambda };
  for (const [name, job] of Object.entries(jobs)) {
    const each = lambda[name];
    lambda[name] = each
      ? { ...each, invocations: each.invocations + job.invocations, ms: each.ms + job.ms }
      : { ...job };
  }
  return { ...usage, lambda };
}
