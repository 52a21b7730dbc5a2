import type { JobRunStore } from '#shared/store/ports';

export interface HeartbeatDeps {
  jobRuns: JobRunStore;
  now: () => Date;
}

/** Idempotent per scheduled time: a retried or repeated delivery records nothing new. */
export async function heartbeat(deps: HeartbeatDeps, scheduledTime: string) {
  const slot = new Date(scheduledTime).toISOString();
  const recorded = await deps.jobRuns.record('heartbeat', slot, deps.now().toISOString());
  return { job: 'heartbeat', scheduledTime: slot, recorded };
}
