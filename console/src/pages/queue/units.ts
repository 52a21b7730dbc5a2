import { ref } from 'vue';
import type { ApiClient } from '../../api/client';
import type { components } from '../../api/schema.generated';

export type Unit = components['schemas']['Unit'];

export const unitClasses: Record<Unit['class'], string> = { county: '县市区', department: '市直部门' };

const units = ref<Unit[]>([]);
let loading: Promise<void> | undefined;

/**
 * The units (a few hundred rows, one API call) for the unit filter and for showing names instead
 * of slugs; read once per tab, shared by the editor's pages.
 */
export function useUnits(api: ApiClient) {
  loading ??= api.GET('/units').then(({ data }) => {
    if (data) units.value = data.units;
    else loading = undefined;
  });
  function unitName(unitId: string): string {
    return units.value.find((unit) => unit.id === unitId)?.name ?? unitId;
  }
  return { units, unitName, ready: loading };
}
