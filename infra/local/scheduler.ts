import { Cron } from 'croner';
import type { JobEvent } from '../../events/job-event';
import {
  type CronFields,
  schedules as catalogueSchedules,
  type ScheduleDeclaration,
  toCronerPattern,
} from '../../events/schedules';
import type { FunctionHost } from './lambda/host';

export interface RegisteredSchedule {
  name: string;
  pattern: string;
  timezone: string;
  function: string;
  job: string;
}

export interface DeliveryResult {
  schedule: string;
  scheduledTime: string;
  attempts: number;
  ok: boolean;
  /** Why the last failure was final: attempts used up or the event too old (the cloud's DLQ case). */
  gaveUp?: 'attempts' | 'age';
}

export interface SchedulerOptions {
  functions: FunctionHost;
  schedules?: readonly ScheduleDeclaration[];
  log?: (line: string) => void;
  now?: () => number;
  /** Delay before retry n (1-based); EventBridge Scheduler backs off exponentially. */
  backoffMs?: (retry: number) => number;
  /** Tests only: fire more often than a declared cron could. */
  patternOf?: (cron: CronFields) => string;
}

export interface LocalScheduler {
  registered(): RegisteredSchedule[];
  /** Delivers one scheduled event with the declared retry policy (also what each cron tick does). */
  deliver(name: string, scheduledTime: Date): Promise<DeliveryResult>;
  stop(): Promise<void>;
}

export const defaultBackoffMs = (retry: number) => Math.min(1000 * 2 ** (retry - 1), 60_000);

/** What the local runtime registers for the declared schedules: the same entries the CDK app deploys. */
export function scheduleRegistrations(
  schedules: readonly ScheduleDeclaration[] = catalogueSchedules,
  patternOf: (cron: CronFields) => string = toCronerPattern,
): RegisteredSchedule[] {
  return schedules.map((schedule) => ({
    name: schedule.name,
    pattern: patternOf(schedule.cron),
    timezone: schedule.timezone,
    function: schedule.function,
    job: schedule.job,
  }));
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * croner jobs for the declared schedules, in Asia/Shanghai. Each tick invokes the target handler
 * with `{ job, scheduledTime }` and retries per the declaration; a failure is logged and never
 * reaches the stack.
 */
export function startScheduler(options: SchedulerOptions): LocalScheduler {
  const declarations = options.schedules ?? catalogueSchedules;
  const registrations = scheduleRegistrations(declarations, options.patternOf);
  const log = options.log ?? (() => {});
  const now = options.now ?? Date.now;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const stopping = new AbortController();
  const inFlight = new Set<Promise<DeliveryResult>>();

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const abort = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        stopping.signal.removeEventListener('abort', abort);
        resolve();
      }, ms);
      stopping.signal.addEventListener('abort', abort, { once: true });
    });

  async function deliver(name: string, scheduledTime: Date): Promise<DeliveryResult> {
    const declaration = declarations.find((schedule) => schedule.name === name);
    if (!declaration) throw new Error(`no schedule named "${name}"`);
    const { maximumRetryAttempts, maximumEventAgeSeconds } = declaration.retry;
    const event: JobEvent = { job: declaration.job, scheduledTime: scheduledTime.toISOString() };
    const result: DeliveryResult = {
      schedule: name,
      scheduledTime: event.scheduledTime,
      attempts: 0,
      ok: false,
    };
    for (;;) {
      result.attempts++;
      try {
        await options.functions.invoke(declaration.function, event);
        result.ok = true;
        return result;
      } catch (error) {
        log(
          `[scheduler] ${name} @ ${event.scheduledTime} attempt ${result.attempts} failed: ${describe(error)}`,
        );
      }
      const retry = result.attempts;
      if (retry > maximumRetryAttempts) {
        result.gaveUp = 'attempts';
        break;
      }
      const delay = backoffMs(retry);
      if (now() + delay - scheduledTime.getTime() > maximumEventAgeSeconds * 1000) {
        result.gaveUp = 'age';
        break;
      }
      await wait(delay);
      if (stopping.signal.aborted) break;
    }
    log(`[scheduler] ${name} @ ${event.scheduledTime} dropped after ${result.attempts} attempt(s)`);
    return result;
  }

  const track = (delivery: Promise<DeliveryResult>) => {
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
    return delivery;
  };

  const jobs = registrations.map(
    (registration) =>
      new Cron(registration.pattern, { timezone: registration.timezone, catch: true }, (self) => {
        // The tick this run belongs to, not the moment the timer fired (which can lag).
        const tick = self.previousRuns(1, new Date(Date.now() + 1))[0] ?? new Date();
        void track(deliver(registration.name, tick)).catch((error: unknown) => {
          log(`[scheduler] ${registration.name} failed: ${describe(error)}`);
        });
      }),
  );

  return {
    registered: () => registrations.map((registration) => ({ ...registration })),
    deliver: (name, scheduledTime) => track(deliver(name, scheduledTime)),
    async stop() {
      for (const job of jobs) job.stop();
      stopping.abort();
      // A handler already running cannot be cancelled; give it a moment rather than cut the store under it.
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => setTimeout(resolve, 2000).unref()),
      ]);
    },
  };
}
