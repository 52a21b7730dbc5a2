/**
 * An SES client for the local emulator whose every n-th SendEmail is refused before it leaves the
 * process, as SES refuses a message (MessageRejected). The job and its mail adapter are untouched:
 * the fault lives in the client the test hands them.
 */
import { MessageRejected, type SESClient } from '@aws-sdk/client-ses';

export interface RefusingSes {
  client: SESClient;
  /** Every address SES was asked to mail, in order. */
  attempted: string[];
  /** The addresses whose message was refused. */
  refused: string[];
}

export function refuseEveryNth(client: SESClient, n: number): RefusingSes {
  const attempted: string[] = [];
  const refused: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'SendEmailCommand') return next(args);
      const input = args.input as { Destination?: { ToAddresses?: string[] } };
      const to = input.Destination?.ToAddresses?.join(',') ?? '';
      attempted.push(to);
      if (attempted.length % n === 0) {
        refused.push(to);
        throw new MessageRejected({ message: 'Email address is not verified.', $metadata: {} });
      }
      return next(args);
    },
    // Before the retry step: a refusal is final, as MessageRejected is in SES.
    { step: 'initialize', name: 'refuseEveryNthMessage' },
  );
  return { client, attempted, refused };
}
