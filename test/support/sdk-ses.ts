import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { SesApi } from '#shared/store/ses/ses-api';

/**
 * The functions' SES call through an SDK client, for unit tests that mock `SESClient` and read
 * the SendEmail input it was given (the same input shape the functions' signed POST sends).
 */
export const sdkSes = (client: SESClient): SesApi => ({
  sendEmail: (input) => client.send(new SendEmailCommand(input)),
});
