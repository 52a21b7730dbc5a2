import type { JobRunStore, UnitStore } from '#shared/store/ports';

export interface HealthDeps {
  units: Pick<UnitStore, 'get'>;
  jobRuns: JobRunStore;
  version: string;
  now: () => Date;
}

/** Degraded, not failed, when the table cannot be reached: the answer itself proves the API is up. */
export async function getHealth(deps: HealthDeps) {
  let table: 'ok' | 'unreachable' = 'ok';
  let schedulerLastRunAt: string | undefined;
  try {
    await deps.units.get('health-probe');
    schedulerLastRunAt = await deps.jobRuns.lastRun('heartbeat');
  } catch {
    table = 'unreachable';
  }
  return {
    status: table === 'ok' ? ('ok' as const) : ('degraded' as const),
    version: deps.version,
    time: deps.now().toISOString(),
    checks: { table, ...(schedulerLastRunAt ? { schedulerLastRunAt } : {}) },
  };
}
