import { ensureConsoleBuilt } from '../../infra/local/services/console';

/**
 * Every e2e stack serves the console, as `npm start` does: build it once here (when its sources
 * changed) so that no stack's start-up waits for Vite on a busy machine.
 */
export default async function setup(): Promise<void> {
  await ensureConsoleBuilt();
}
