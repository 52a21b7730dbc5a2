/**
 * The SES call to the local emulator with every n-th SendEmail refused before it leaves the
 * process, as SES refuses a message (MessageRejected). The job and its mail adapter are untouched:
 * the fault lives in the SES call the test hands them.
 */
import { type SesApi, SesError } from '#shared/store/ses/ses-api';

export interface RefusingSes {
  client: SesApi;
  /** Every address SES was asked to mail, in order. */
  attempted: string[];
  /** The addresses whose message was refused. */
  refused: string[];
}

export function refuseEveryNth(ses: SesApi, n: number): RefusingSes {
  const attempted: string[] = [];
  const refused: string[] = [];
  const client: SesApi = {
    sendEmail: async (input) => {
      const to = input.Destination.ToAddresses.join(',');
      attempted.push(to);
      if (attempted.length % n === 0) {
        refused.push(to);
        // Final, as MessageRejected is in SES: not tried again.
        throw new SesError('MessageRejected', 'Email address is not verified.', 400);
      }
      return ses.sendEmail(input);
    },
  };
  return { client, attempted, refused };
}
