import type { TokenStore, UnitStore } from '#shared/store/ports';

export interface TokensDeps {
  tokens: TokenStore;
  units: UnitStore;
  now: () => Date;
}
