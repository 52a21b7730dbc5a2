import { readConfig, readOptionalConfig } from '../../config';
import { type SesApi, sesApi } from './ses-api';

/** One rendered message: a subject, a plain-text part and an HTML part. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Sends one message to one recipient; throws when SES refuses it. Resolves with SES's message id. */
export interface MailSender {
  send(to: string, mail: RenderedMail): Promise<string>;
}

export interface SesMailSenderOptions {
  from: string;
  configurationSet?: string;
}

const utf8 = (Data: string) => ({ Data, Charset: 'UTF-8' });

/**
 * SES v1 SendEmail, one recipient per call (nobody sees the others' addresses, and a refusal
 * affects one recipient only). The endpoint comes from AWS_ENDPOINT_URL_SES, as for the SDK's
 * client (shared/store/ses/ses-api.ts).
 */
export class SesMailSender implements MailSender {
  constructor(
    private readonly options: SesMailSenderOptions,
    private readonly ses: SesApi = sesApi(),
  ) {}

  async send(to: string, mail: RenderedMail): Promise<string> {
    const { MessageId } = await this.ses.sendEmail({
      Source: this.options.from,
      Destination: { ToAddresses: [to] },
      Message: {
        Subject: utf8(mail.subject),
        Body: { Text: utf8(mail.text), Html: utf8(mail.html) },
      },
      ...(this.options.configurationSet ? { ConfigurationSetName: this.options.configurationSet } : {}),
    });
    return MessageId ?? '';
  }
}

export function mailSenderFromEnvironment(client?: SesApi): SesMailSender {
  const configurationSet = readOptionalConfig('mailConfigurationSet');
  return new SesMailSender(
    { from: readConfig('mailFrom'), ...(configurationSet ? { configurationSet } : {}) },
    client,
  );
}
