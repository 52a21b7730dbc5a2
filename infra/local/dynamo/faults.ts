import { type DynamoError, dynamoError } from './errors';

/**
 * TEST HOOK, inert unless asked for: fault injection in the local DynamoDB front, so the
 * reliability suite can check what survives a throttling store. `XINBAO_LOCAL_FAULTS=throttle:0.1`
 * answers 10% of data calls (item reads and writes, queries, scans, batches, transactions) with
 * `ProvisionedThroughputExceededException` — DynamoDB's own JSON error, HTTP 400 — which the SDK
 * treats as throttling and retries. A faulted call never reaches dynalite: nothing of it is stored.
 * Table management calls are never faulted, and nothing is faulted until the stack has armed the
 * injector (after its own start-up writes). `GET /__xinbao/faults` on the DynamoDB endpoint says
 * what was injected.
 */
export interface FaultPlan {
  /** Share of data calls answered with a throttle, 0–1. */
  throttle: number;
}

export interface FaultStats {
  plan: FaultPlan;
  armed: boolean;
  /** Data calls seen while armed. */
  calls: number;
  injected: { throttle: number };
  /** Throttles injected per DynamoDB operation (e.g. `Query`, `TransactWriteItems`). */
  byOperation: Record<string, number>;
}

export const noFaults: FaultPlan = { throttle: 0 };

/** Where the front answers with `FaultStats` (JSON). */
export const faultStatsPath = '/__xinbao/faults';

const DATA_OPERATIONS = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'TransactGetItems',
]);

/** Parses `throttle:0.1` (several faults would be comma-separated); empty or absent = no faults. */
export function parseFaultPlan(text: string | undefined): FaultPlan {
  const plan: FaultPlan = { ...noFaults };
  for (const part of (text ?? '').split(',')) {
    const spec = part.trim();
    if (spec === '') continue;
    const [kind, share] = spec.split(':').map((piece) => piece.trim());
    const value = Number(share);
    if (kind !== 'throttle' || share === undefined || share === '' || !(value >= 0 && value <= 1)) {
      throw new Error(
        `XINBAO_LOCAL_FAULTS 无法识别 / not understood: "${spec}" (expected e.g. throttle:0.1, a share 0–1)`,
      );
    }
    plan.throttle = value;
  }
  return plan;
}

export class FaultInjector {
  private armed = false;
  private calls = 0;
  private throttles = 0;
  private readonly byOperation = new Map<string, number>();

  constructor(
    readonly plan: FaultPlan,
    private readonly random: () => number = Math.random,
  ) {}

  /** From now on, faults are injected (the stack arms it once it is up). */
  arm(): void {
    this.armed = true;
  }

  /** The error to answer instead of serving `target` (`DynamoDB_20120810.<Operation>`), if any. */
  faultFor(target: string | undefined): DynamoError | undefined {
    if (!this.armed || this.plan.throttle <= 0 || target === undefined) return undefined;
    const operation = target.slice(target.indexOf('.') + 1);
    if (!DATA_OPERATIONS.has(operation)) return undefined;
    this.calls += 1;
    if (this.random() >= this.plan.throttle) return undefined;
    this.throttles += 1;
    this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
    return dynamoError(
      'ProvisionedThroughputExceededException',
      'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
    );
  }

  stats(): FaultStats {
    return {
      plan: { ...this.plan },
      armed: this.armed,
      calls: this.calls,
      injected: { throttle: this.throttles },
      byOperation: Object.fromEntries(this.byOperation),
    };
  }
}
