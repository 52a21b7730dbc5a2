import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { SecrecyRefusedError, ValidationError } from '#shared/errors';
import { parseWith } from '#shared/http/request';
import { openApiDocument } from '#shared/openapi/document';
import { freeTextMark, multiLine, parseStored, singleLine } from '#shared/schemas/free-text';
import { unit } from '#shared/schemas/units';

const form = z.strictObject({ title: singleLine(2, 40), body: multiLine(1, 200), count: z.int() });
const parse = (value: unknown) => parseWith(form, value, '');
const refusal = (value: unknown) => {
  try {
    parse(value);
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('free text', () => {
  it.each([
    ['LF', '第一行\n第二行', 'U+000A（换行）'],
    ['CR', '第一行\r第二行', 'U+000D（回车）'],
    ['NEL', '第一行\u0085第二行', 'U+0085（下一行 NEL）'],
    ['U+2028', '第一行\u2028第二行', 'U+2028（行分隔符）'],
    ['BEL', '响\u0007铃', 'U+0007'],
    ['tab', '制\t表', 'U+0009'],
    ['C1', '控\u009b制', 'U+009B'],
  ])('a single line refuses %s with a Chinese message on the field (400)', (_, title, named) => {
    const error = refusal({ title, body: '正文', count: 1 });
    expect(error).toBeInstanceOf(ValidationError);
    const detail = (error as ValidationError).details?.find((entry) => entry.path === 'title');
    expect(detail?.message).toContain(named);
    expect(detail?.message).toContain('只能填写一行文字');
  });

  it('a multi-line text keeps paragraphs (CRLF and CR become LF) and tabs, and refuses other controls', () => {
    expect(parse({ title: '标题', body: '第一段\r\n第二段\r第三段\t完', count: 1 }).body).toBe(
      '第一段\n第二段\n第三段\t完',
    );
    for (const body of ['正\u0000文', '正\u0085文', '正\u001b文', '正\u2029文']) {
      const error = refusal({ title: '标题', body, count: 1 }) as ValidationError;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details?.[0]).toMatchObject({ path: 'body' });
      expect(error.details?.[0]?.message).toContain('控制字符');
    }
  });

  it('a secrecy marker in any free-text field is 422 SECRECY_REFUSED, ahead of every other problem', () => {
    const error = refusal({ title: '标题', body: '内部资料\u00A0请注意保密。', count: 'many' });
    expect(error).toBeInstanceOf(SecrecyRefusedError);
    expect(error).toMatchObject({ status: 422, code: 'SECRECY_REFUSED' });
    expect((error as SecrecyRefusedError).message).toContain('涉密标志“内部资料\u00A0请注意保密”');
    expect((error as SecrecyRefusedError).details).toEqual([
      expect.objectContaining({ path: 'body', code: 'SECRECY_REFUSED' }),
    ]);
    expect(refusal({ title: '絕\u200B密 通知', body: '正文', count: 1 })).toMatchObject({
      code: 'SECRECY_REFUSED',
      details: [expect.objectContaining({ path: 'title' })],
    });
  });

  it('lets harmless words about secrecy work pass', () => {
    for (const text of ['保密工作会议', '涉密人员培训', '商业机密', '非涉密']) {
      expect(parse({ title: text, body: text, count: 1 })).toMatchObject({ title: text, body: text });
    }
  });

  it('marks the fields in /openapi.json', () => {
    const schemas = openApiDocument('test').components.schemas as Record<
      string,
      { properties: Record<string, Record<string, unknown>> }
    >;
    const submit = schemas.ItemSubmit?.properties ?? {};
    expect(submit.title?.[freeTextMark]).toBe('line');
    expect(submit.body?.[freeTextMark]).toBe('text');
    expect(submit.approver?.[freeTextMark]).toBe('line');
    expect(submit.eventDate?.[freeTextMark]).toBeUndefined();
  });

  it('reads back a row stored before the rules existed, and still refuses the same text as input', () => {
    const legacy = {
      id: 'weicheng',
      name: '潍城区',
      class: 'county',
      contacts: [{ name: '机密★一年\n李', phone: '0536-8201234', email: 'li@example.gov.cn' }],
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    };
    expect(parseStored(unit, legacy).contacts[0]?.name).toBe('机密★一年\n李');
    // The mode ends with the read: the next request parse refuses as before.
    expect(refusal({ title: '机密★一年 标题', body: '正文', count: 1 })).toBeInstanceOf(SecrecyRefusedError);
  });
});
