import { describe, expect, it } from 'vitest';
import { listMessages } from '../../../functions/inbox/list-messages/use-case';
import { readMessage } from '../../../functions/inbox/read-message/use-case';
import {
  commissionDueMessage,
  commissionNewMessage,
  instructionFeedbackDueMessage,
  itemAdoptedMessages,
  itemReturnedMessage,
} from '../../../shared/domain/messages';
import type { Principal } from '../../../shared/domain/roles';
import type { Message } from '../../../shared/schemas/messages';
import { messageId } from '../../../shared/schemas/messages';
import { deliverMessages } from '../../../shared/store/deliver-messages';
import type { MessageDraft, MessageStore, MessageWriter } from '../../../shared/store/ports';

const at = '2026-11-24T02:00:00.000Z';
const item = {
  itemId: 'it_0000000000000000000001',
  unitId: 'weicheng',
  title: '潍城区供暖保障有力',
  version: 2,
};

describe('the messages each event produces', () => {
  it('gives each event one deterministic id that the route accepts', () => {
    const drafts = [
      itemReturnedMessage(item, '请补充数据', at),
      ...itemAdoptedMessages(
        { ...item, coUnits: ['qingzhou'] },
        { bulletinId: 'bl_0000000000000000000009', label: '《政务信息》2026年第12期' },
        at,
      ),
      commissionNewMessage(
        {
          commissionId: 'cm_0000000000000000000003',
          topic: '冬季供暖',
          deadline: '2026-12-01T09:00:00.000Z',
        },
        'weicheng',
        at,
      ),
      commissionDueMessage(
        {
          commissionId: 'cm_0000000000000000000003',
          topic: '冬季供暖',
          deadline: '2026-12-01T09:00:00.000Z',
        },
        'weicheng',
        at,
      ),
      instructionFeedbackDueMessage(
        {
          instructionId: 'in_0000000000000000000004',
          leader: '张市长',
          feedbackDue: '2026-11-20',
          itemId: item.itemId,
        },
        'weicheng',
        at,
      ),
    ];
    for (const draft of drafts) expect(messageId.safeParse(draft.key).success, draft.key).toBe(true);
    // The same event later (a retry) makes the same key; another return (a later version) another.
    expect(itemReturnedMessage(item, '请补充数据', '2026-11-25T00:00:00.000Z').key).toBe(drafts[0]?.key);
    expect(itemReturnedMessage({ ...item, version: 4 }, '再改', at).key).not.toBe(drafts[0]?.key);
    expect(new Set(drafts.map((draft) => `${draft.unitId}:${draft.key}`)).size).toBe(drafts.length);
  });

  it('says what happened in Chinese: the comment of a return, the issue of an adoption, the deadline', () => {
    expect(itemReturnedMessage(item, '请补充改造户数', at)).toMatchObject({
      kind: 'item-returned',
      title: '稿件被退回修改：潍城区供暖保障有力',
      text: expect.stringContaining('请补充改造户数'),
    });
    const adopted = itemAdoptedMessages(
      { ...item, coUnits: ['qingzhou'] },
      { bulletinId: 'bl_0000000000000000000009', label: '《政务信息》2026年第12期' },
      at,
    );
    expect(adopted.map((message) => message.unitId)).toEqual(['weicheng', 'qingzhou']);
    expect(adopted[0]?.text).toContain('《政务信息》2026年第12期');
    const due = commissionDueMessage(
      { commissionId: 'cm_0000000000000000000003', topic: '冬季供暖', deadline: '2026-12-01T09:00:00.000Z' },
      'weicheng',
      at,
    );
    expect(due.text).toContain('12月1日 17:00');
  });

  it('never lets a failed delivery fail the change it reports', async () => {
    const delivered: MessageDraft[] = [];
    const writer: MessageWriter = {
      deliverToUnit: async (message) => {
        if (message.unitId === 'broken') throw new Error('store down');
        delivered.push(message);
        return 2;
      },
    };
    const messages = ['weicheng', 'broken', 'qingzhou'].map((unitId) =>
      commissionNewMessage(
        { commissionId: 'cm_0000000000000000000003', topic: '冬季供暖', deadline: at },
        unitId,
        at,
      ),
    );
    expect(await deliverMessages(writer, messages)).toBe(4);
    expect(delivered.map((message) => message.unitId).sort()).toEqual(['qingzhou', 'weicheng']);
    expect(await deliverMessages(undefined, messages)).toBe(0);
  });
});

describe('a person’s inbox', () => {
  const person: Principal = { role: 'reporter', unitId: 'weicheng', tokenId: 'person:p-1', personId: 'p-1' };
  const token: Principal = { role: 'editor', tokenId: 'abcdefghijklmnop' };
  const seen: string[] = [];
  const store: MessageStore = {
    page: async (owner, options) => {
      seen.push(owner);
      return {
        messages: [] as Message[],
        ...(options.unreadOnly ? {} : { after: `${at}#rt-it_0000000000000000000001-2` }),
      };
    },
    countUnread: async () => 0,
    markRead: async () => undefined,
    markAllRead: async () => 0,
    preferences: async () => ({ mailCopy: false }),
    setPreferences: async () => {},
  };

  it('reads the signed-in person’s own inbox, and an xb_ token’s own (always empty) one', async () => {
    await listMessages({ messages: store, now: () => new Date(at) }, person, {});
    await listMessages({ messages: store, now: () => new Date(at) }, token, {});
    expect(seen).toEqual(['p-1', 'abcdefghijklmnop']);
  });

  it('refuses a cursor of the other list or a forged one, and answers a message not in the inbox with 404', async () => {
    const deps = { messages: store, now: () => new Date(at) };
    const all = await listMessages(deps, person, {});
    expect(all.nextCursor).toEqual(expect.any(String));
    await expect(
      listMessages(deps, person, { unread: 'true', cursor: all.nextCursor }),
    ).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    await expect(listMessages(deps, person, { cursor: 'YTpJTkJPWCNvdGhlcg' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    await expect(readMessage(deps, person, 'rt-it_0000000000000000000001-2')).rejects.toMatchObject({
      status: 404,
      code: 'MESSAGE_NOT_FOUND',
    });
  });
});
