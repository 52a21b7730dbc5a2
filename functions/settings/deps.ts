import type { SettingsStore } from '#shared/store/ports';

export interface SettingsDeps {
  settings: SettingsStore;
  now: () => Date;
}
