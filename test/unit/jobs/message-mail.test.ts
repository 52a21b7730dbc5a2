import { describe, expect, it } from 'vitest';
import type { MessageMailDeps } from '#functions/jobs/message-mail/deps';
import { isDigestRun, sendMessageMail } from '#functions/jobs/message-mail/use-case';
import { commissionNewMessage, itemReturnedMessage } from '#shared/domain/messages';
import { renderMessageDigest } from '#shared/mail/messages';
import type { Message } from '#shared/schemas/messages';
import type { Person } from '#shared/schemas/people';
import type { JobMailStore } from '#shared/store/dynamo/job-mail';
import type { MessageDraft } from '#shared/store/ports';

const asMessage = ({ key, ...rest }: MessageDraft): Message => ({ ...rest, messageId: key });
const person = (personId: string, email?: string): Person => ({
  personId,
  username: `user.${personId}`,
  name: '李晓梅',
  role: 'reporter',
  unitId: 'weicheng',
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'cli',
  version: 1,
  ...(email ? { email } : {}),
});

/** Markers, queue and people in memory; the sender records what it was given (or refuses). */
function world(options: { wants: string[]; people: Person[]; refuse?: string }) {
  const queue = new Map<string, { personId: string; message: Message }>();
  const marks = new Map<string, string>();
  const sent: { to: string; subject: string; text: string }[] = [];
  const markStore: JobMailStore = {
    claim: async (job, period, email) => {
      const key = `${job}|${period}|${email}`;
      if (marks.has(key)) return false;
      marks.set(key, 'claimed');
      return true;
    },
    markSent: async (job, period, email) => {
      marks.set(`${job}|${period}|${email}`, 'sent');
    },
    release: async (job, period, email) => {
      marks.delete(`${job}|${period}|${email}`);
    },
    sentCount: async () => 0,
    claimedAddresses: async (job, period) =>
      new Set(
        [...marks.keys()]
          .filter((key) => key.startsWith(`${job}|${period}|`))
          .map((key) => key.split('|')[2] ?? ''),
      ),
  };
  const deps: MessageMailDeps = {
    queue: {
      pending: async () => [...queue.values()],
      done: async (personId, messageId) => {
        queue.delete(`${personId}|${messageId}`);
      },
      wantsMail: async (personId) => options.wants.includes(personId),
    },
    people: { get: async (personId) => options.people.find((entry) => entry.personId === personId) },
    marks: markStore,
    sender: {
      send: async (to, mail) => {
        if (to === options.refuse) throw new Error('MessageRejected');
        sent.push({ to, subject: mail.subject, text: mail.text });
        return `ses-${sent.length}`;
      },
    },
    now: () => new Date('2026-11-25T12:00:00Z'),
  };
  const wait = (personId: string, draft: MessageDraft) =>
    queue.set(`${personId}|${draft.key}`, { personId, message: asMessage(draft) });
  return { deps, queue, sent, wait };
}

const item = {
  itemId: 'it_0000000000000000000001',
  unitId: 'weicheng',
  title: '潍城区供暖保障有力',
  version: 2,
};
const commission = {
  commissionId: 'cm_0000000000000000000003',
  topic: '冬季供暖',
  deadline: '2026-12-01T09:00:00.000Z',
};
/** 10:00 and 17:00 in Beijing on 25 November. */
const morning = '2026-11-25T02:00:00.000Z';
const digestTime = '2026-11-25T09:00:00.000Z';

describe('message e-mail copies (邮件抄送)', () => {
  it('knows the digest run: the one scheduled at 17:00 Beijing time, and no other', () => {
    expect(isDigestRun(new Date(digestTime))).toBe(true);
    expect(isDigestRun(new Date('2026-11-25T09:05:00.000Z'))).toBe(false);
    expect(isDigestRun(new Date(morning))).toBe(false);
  });

  it('mails a return at the next run, keeps the rest for the 17:00 digest, and sends nothing twice', async () => {
    const { deps, queue, sent, wait } = world({ wants: ['p1'], people: [person('p1', 'li@example.gov.cn')] });
    wait('p1', itemReturnedMessage(item, '请补充数据', '2026-11-25T01:50:00.000Z'));
    wait('p1', commissionNewMessage(commission, 'weicheng', '2026-11-25T01:55:00.000Z'));
    const first = await sendMessageMail(deps, morning);
    expect(first).toMatchObject({ returns: 1, digests: 0 });
    expect(sent.map((mail) => mail.subject)).toEqual(['【退回修改】潍城区供暖保障有力']);
    expect(sent[0]?.text).toContain('请补充数据');
    expect(queue.size).toBe(1);

    await sendMessageMail(deps, morning);
    expect(sent).toHaveLength(1);

    const evening = await sendMessageMail(deps, digestTime);
    expect(evening).toMatchObject({ digests: 1 });
    expect(sent.map((mail) => mail.subject)).toEqual([
      '【退回修改】潍城区供暖保障有力',
      '【站内消息】11月25日共1条',
    ]);
    expect(queue.size).toBe(0);

    // A message after the digest, then the 17:00 run repeated: it waits for tomorrow's digest.
    wait(
      'p1',
      commissionNewMessage(
        { ...commission, commissionId: 'cm_0000000000000000000004' },
        'weicheng',
        digestTime,
      ),
    );
    await sendMessageMail(deps, digestTime);
    expect(sent).toHaveLength(2);
    expect(queue.size).toBe(1);
  });

  it('drops the copies of a person who turned them off or has no address, and retries a refused mail', async () => {
    const { deps, queue, sent, wait } = world({
      wants: ['p2', 'p3'],
      people: [person('p1', 'a@example.gov.cn'), person('p2'), person('p3', 'refused@example.gov.cn')],
      refuse: 'refused@example.gov.cn',
    });
    for (const id of ['p1', 'p2', 'p3']) wait(id, itemReturnedMessage(item, '请补充数据', morning));
    const run = await sendMessageMail(deps, morning);
    expect(run).toMatchObject({ dropped: 2, failed: 1, returns: 0 });
    expect(sent).toEqual([]);
    // The refused one still waits, to be tried again by the next run.
    expect([...queue.values()].map((entry) => entry.personId)).toEqual(['p3']);
  });

  it('escapes what people typed in the digest’s HTML', () => {
    const mail = renderMessageDigest('李晓梅', '2026-11-25', [
      asMessage(
        commissionNewMessage({ ...commission, topic: '<script>alert(1)</script>' }, 'weicheng', morning),
      ),
    ]);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});
