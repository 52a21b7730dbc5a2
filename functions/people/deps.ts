import type { IdentityAdmin, PersonStore, UnitStore } from '#shared/store/ports';

export interface PeopleDeps {
  people: PersonStore;
  units: Pick<UnitStore, 'get'>;
  identity: IdentityAdmin;
  now: () => Date;
  /**
   * Whether the user pool mails invitations and resets itself (configuration `USER_POOL_SENDS_MAIL`;
   * true in the cloud). When false the temporary password is answered once instead.
   */
  poolSendsMail: boolean;
  newPassword: () => string;
}
