/**
 * The mailing functions' SES call: one signed SendEmail form POST (SES v1's Query protocol). What
 * SES is asked to send, what it answers, and which refusals are final, against a stand-in server.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SesMailSender } from '#shared/store/ses/mail-sender';
import { SesError, sesApi } from '#shared/store/ses/ses-api';

interface Reply {
  status: number;
  body: string;
}

const sent = (id: string) => ({
  status: 200,
  body: `<SendEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendEmailResult><MessageId>${id}</MessageId></SendEmailResult></SendEmailResponse>`,
});
const refusal = (status: number, code: string, message: string) => ({
  status,
  body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error></ErrorResponse>`,
});

/** A stand-in SES endpoint answering each request with the next reply. */
async function ses(replies: Reply[]) {
  const seen: { headers: IncomingMessage['headers']; form: URLSearchParams }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        headers: request.headers,
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      });
      const reply = replies.shift() ?? sent('late');
      response.statusCode = reply.status;
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api = sesApi(() => ({
    endpoint,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session' },
  }));
  return { api, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const mail = { subject: '《政务信息》2026年第12期', text: '正文 & 附注', html: '<p>正文 &amp; 附注</p>' };

describe('SES SendEmail as a signed form POST', () => {
  it('sends one message to one recipient, signed for SES, and answers with its message id', async () => {
    const server = await ses([sent('0102-abc')]);
    try {
      const sender = new SesMailSender(
        { from: 'xinbao@example.gov.cn', configurationSet: 'xinbao-mail' },
        server.api,
      );
      await expect(sender.send('leader@example.gov.cn', mail)).resolves.toBe('0102-abc');
      const [request] = server.seen;
      expect(Object.fromEntries(request?.form ?? [])).toEqual({
        Action: 'SendEmail',
        Version: '2010-12-01',
        Source: 'xinbao@example.gov.cn',
        'Destination.ToAddresses.member.1': 'leader@example.gov.cn',
        'Message.Subject.Data': mail.subject,
        'Message.Subject.Charset': 'UTF-8',
        'Message.Body.Text.Data': mail.text,
        'Message.Body.Text.Charset': 'UTF-8',
        'Message.Body.Html.Data': mail.html,
        'Message.Body.Html.Charset': 'UTF-8',
        ConfigurationSetName: 'xinbao-mail',
      });
      expect(request?.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/ses\/aws4_request/,
      );
      expect(request?.headers['x-amz-security-token']).toBe('session');
    } finally {
      await server.close();
    }
  });

  it("gives SES's refusal by its name and does not send it again", async () => {
    const server = await ses([refusal(400, 'MessageRejected', 'Email address is not verified: a&amp;b')]);
    try {
      const failure = await server.api
        .sendEmail({
          Source: 'xinbao@example.gov.cn',
          Destination: { ToAddresses: ['x@example.gov.cn'] },
          Message: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } },
        })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SesError);
      expect(failure).toMatchObject({
        name: 'MessageRejected',
        message: 'Email address is not verified: a&b',
      });
      expect(server.seen).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('tries a throttled or failed send again, as the SDK did', async () => {
    const server = await ses([
      refusal(400, 'Throttling', 'Maximum sending rate exceeded.'),
      { status: 503, body: '' },
      sent('third'),
    ]);
    try {
      const sender = new SesMailSender({ from: 'xinbao@example.gov.cn' }, server.api);
      await expect(sender.send('leader@example.gov.cn', mail)).resolves.toBe('third');
      expect(server.seen).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});
