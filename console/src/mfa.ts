/** Where the console sends a person the API answers `403 MFA_REQUIRED` (admins and editors in the cloud). */
export const mfaSetupPath = '/mfa-setup';
