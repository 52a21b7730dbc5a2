import { getChecks } from './checks-get';
import { validationChecks } from './checks-validation';
import { writeChecks } from './checks-write';
import type { Target } from './deviations';

export { MOTO_DEVIATIONS, type Target } from './deviations';

/** Registers the conformance checks against whichever endpoint `target()` gives at run time. */
export function conformanceChecks(target: () => Target): void {
  const ctx = () => {
    const t = target();
    return { t, ...t.clients };
  };
  writeChecks(ctx);
  getChecks(ctx);
  validationChecks(ctx);
}
