import {
  type AwsTarget,
  post,
  regionAndCredentials,
  regionalEndpoint,
  signedHeaders,
} from '../aws/signed-request';

/** SES v1 SendEmail's input, as `@aws-sdk/client-ses` names it (the fields the functions use). */
export interface SendEmailInput {
  Source: string;
  Destination: { ToAddresses: string[] };
  Message: {
    Subject: { Data: string; Charset?: string };
    Body: { Text?: { Data: string; Charset?: string }; Html?: { Data: string; Charset?: string } };
  };
  ConfigurationSetName?: string;
}

/** The one SES call the functions make. */
export interface SesApi {
  sendEmail(input: SendEmailInput): Promise<{ MessageId?: string }>;
}

/** SES's refusal, named as the SDK names it (`MessageRejected`, `Throttling` …). */
export class SesError extends Error {
  constructor(
    name: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = name;
  }
}

/** The form fields of a SendEmail request (the Query protocol's `member.N` lists). */
export function sendEmailForm(input: SendEmailInput): URLSearchParams {
  const form = new URLSearchParams({ Action: 'SendEmail', Version: '2010-12-01', Source: input.Source });
  input.Destination.ToAddresses.forEach((address, index) => {
    form.append(`Destination.ToAddresses.member.${index + 1}`, address);
  });
  const content = (name: string, part: { Data: string; Charset?: string } | undefined) => {
    if (!part) return;
    form.append(`${name}.Data`, part.Data);
    if (part.Charset) form.append(`${name}.Charset`, part.Charset);
  };
  content('Message.Subject', input.Message.Subject);
  content('Message.Body.Text', input.Message.Body.Text);
  content('Message.Body.Html', input.Message.Body.Html);
  if (input.ConfigurationSetName) form.append('ConfigurationSetName', input.ConfigurationSetName);
  return form;
}

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const element = (xml: string, name: string) => {
  const found = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];
  return found === undefined ? undefined : decodeXml(found.trim());
};

/** Throttles and server errors are tried again, as the SDK's standard retry does; refusals are not. */
const retryable = (error: unknown) =>
  !(error instanceof SesError) || error.status >= 500 || error.name === 'Throttling' || error.status === 429;

const maxAttempts = 3;

/**
 * SES v1 `SendEmail` as one signed form POST (the Query protocol), instead of `@aws-sdk/client-ses`,
 * whose error classes, schemas and XML codec weighed ~40 KB in each mailing function. Configured
 * like the SDK client, from the environment: the endpoint from AWS_ENDPOINT_URL_SES (the local
 * emulator) or SES's regional one, the region and credentials Lambda gives the function.
 */
export function sesApi(target: () => AwsTarget = sesTargetFromEnvironment): SesApi {
  return {
    async sendEmail(input) {
      const form = new TextEncoder().encode(sendEmailForm(input).toString());
      let failure: unknown;
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 2)));
        try {
          return await sendOnce(target(), form);
        } catch (error) {
          failure = error;
          if (!retryable(error)) break;
        }
      }
      throw failure;
    },
  };
}

async function sendOnce(target: AwsTarget, body: Uint8Array): Promise<{ MessageId?: string }> {
  const url = new URL(`${target.endpoint.replace(/\/+$/, '')}/`);
  const headers = await signedHeaders({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'content-length': String(body.byteLength),
    },
    body,
    service: 'ses',
    region: target.region,
    credentials: target.credentials,
    now: new Date(),
  });
  const answer = await post(url, headers, body, { connectTimeoutMs: 2000, requestTimeoutMs: 10_000 });
  if (answer.status >= 200 && answer.status < 300) {
    const messageId = element(answer.body, 'MessageId');
    return messageId ? { MessageId: messageId } : {};
  }
  throw new SesError(
    element(answer.body, 'Code') ?? `HTTP${answer.status}`,
    element(answer.body, 'Message') ?? answer.body.slice(0, 200),
    answer.status,
  );
}

export function sesTargetFromEnvironment(env: NodeJS.ProcessEnv = process.env): AwsTarget {
  const { region, credentials } = regionAndCredentials(env);
  return {
    endpoint: env.AWS_ENDPOINT_URL_SES || env.AWS_ENDPOINT_URL || regionalEndpoint('email', region),
    region,
    credentials,
  };
}
