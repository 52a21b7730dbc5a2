import { describe, expect, it } from 'vitest';
import { escapeHtml, excerptLength, renderUrgentItemAlert, shanghaiTime } from '#shared/mail/urgent-item';

const item = {
  itemId: '01JDQ7Z8K3M4N5P6Q7R8S9T0VW',
  title: '我市<script>alert("x")</script>突发暴雨 & 积水',
  body: '11月24日晚，我市遭遇强降雨。\n市应急局启动Ⅳ级应急响应，转移群众 120 人。',
  eventDate: '2026-11-24',
  submittedAt: '2026-11-24T16:05:00.000Z',
  approver: '王副县长',
  author: { name: '李四', phone: '0536-7654321' },
};

describe('urgent-item alert', () => {
  const mail = renderUrgentItemAlert({ item, unitName: '临朐县人民政府' });

  it('has a readable Chinese subject with the unit and the title on one line', () => {
    expect(mail.subject).toBe(
      '【重要紧急信息】临朐县人民政府：我市<script>alert("x")</script>突发暴雨 & 积水',
    );
    expect(
      renderUrgentItemAlert({ item: { ...item, title: '第一行\r\n第二行' }, unitName: 'A县' }).subject,
    ).toBe('【重要紧急信息】A县：第一行 第二行');
  });

  it('renders user text as text in the HTML part', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;突发暴雨 &amp; 积水');
    const hostile = renderUrgentItemAlert({
      item: {
        ...item,
        body: '<img src=x onerror=alert(1)>',
        approver: '"><b>',
        author: { name: '<i>', phone: '1' },
      },
      unitName: '<u>单位</u>',
    });
    expect(hostile.html).not.toMatch(/<img|<b>|<i>|<u>/);
    expect(hostile.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('carries unit, dates in Asia/Shanghai, sign-off with phone, the body and the id in both parts', () => {
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('临朐县人民政府');
      expect(part).toContain('2026年11月24日');
      expect(part).toContain('2026年11月25日 00:05');
      expect(part).toContain('王副县长');
      expect(part).toContain('李四');
      expect(part).toContain('0536-7654321');
      expect(part).toContain('转移群众 120 人');
      expect(part).toContain(item.itemId);
    }
    expect(mail.html).toContain('<meta name="viewport"');
    expect(mail.html).toContain('lang="zh-CN"');
  });

  it('cuts the body after about 300 characters without splitting one', () => {
    const long = renderUrgentItemAlert({
      item: { ...item, body: `${'字'.repeat(1000)}😀` },
      unitName: 'A县',
    });
    expect(long.text).toContain(`${'字'.repeat(excerptLength)}……`);
    expect(long.text).not.toContain('字'.repeat(excerptLength + 1));
    expect(long.text).toContain(`正文（前${excerptLength}字）`);
    const emoji = renderUrgentItemAlert({ item: { ...item, body: '😀'.repeat(400) }, unitName: 'A县' });
    expect(emoji.text).toContain(`${'😀'.repeat(excerptLength)}……`);
  });

  it('formats times in Asia/Shanghai and escapes the five HTML characters', () => {
    expect(shanghaiTime('2026-12-31T16:30:00Z')).toBe('2027年01月01日 00:30');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
