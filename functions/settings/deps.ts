import type { LeaderRecipientsStore, SeriesStore, SettingsStore } from '#shared/store/ports';

export interface SettingsDeps {
  settings: SettingsStore;
  leaders: LeaderRecipientsStore;
  series: SeriesStore;
  now: () => Date;
}
