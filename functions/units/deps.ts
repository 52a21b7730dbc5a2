import type { UnitStore } from '#shared/store/ports';

export interface UnitsDeps {
  units: UnitStore;
  now: () => Date;
}
