import { describe, expect, it } from 'vitest';
import { attachmentDisposition, maxFileNameLength, sanitiseFileName } from '#functions/attachments/file-name';

describe('sanitiseFileName', () => {
  it('keeps a plain Chinese name as it is', () => {
    expect(sanitiseFileName('青州市政务服务改革情况汇报.docx')).toEqual({
      name: '青州市政务服务改革情况汇报.docx',
      extension: 'docx',
    });
  });

  it('strips Unix and Windows paths', () => {
    expect(sanitiseFileName('/etc/passwd/../现场照片.jpg').name).toBe('现场照片.jpg');
    expect(sanitiseFileName('C:\\Users\\张三\\Desktop\\汇报材料.pdf').name).toBe('汇报材料.pdf');
    expect(sanitiseFileName('..\\..\\windows\\system.ini.pdf').name).toBe('system.ini.pdf');
  });

  it('removes `..`, leading dots and trailing dots and spaces', () => {
    expect(sanitiseFileName('..报告..pdf').name).toBe('报告.pdf');
    expect(sanitiseFileName('...hidden.png').name).toBe('hidden.png');
    expect(sanitiseFileName('报告.pdf. . ').name).toBe('报告.pdf');
    expect(sanitiseFileName('..').name).toBe('附件');
  });

  it('drops control and direction-override characters so an extension cannot be disguised', () => {
    expect(sanitiseFileName('报\u0000告\u0007\r\n.pdf').name).toBe('报告.pdf');
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "photo‮gpj.exe" as "photoexe.jpg".
    expect(sanitiseFileName('photo\u202egpj.pdf').name).toBe('photogpj.pdf');
    expect(sanitiseFileName('\ufeff说明\u200b.docx').name).toBe('说明.docx');
  });

  it('replaces reserved characters and collapses whitespace', () => {
    expect(sanitiseFileName('a<b>c:d"e|f?g*h%i#.xlsx').name).toBe('a_b_c_d_e_f_g_h_i_.xlsx');
    expect(sanitiseFileName('  第一季度   统计\u3000 表 .xlsx ').name).toBe('第一季度 统计 表.xlsx');
  });

  it('lower-cases the extension and keeps it when the name is capped', () => {
    const long = `${'很长的文件名'.repeat(40)}.PDF`;
    const { name, extension } = sanitiseFileName(long);
    expect(extension).toBe('pdf');
    expect(name.endsWith('.pdf')).toBe(true);
    expect(Array.from(name)).toHaveLength(maxFileNameLength);
  });

  it('never splits a surrogate pair when capping', () => {
    const { name } = sanitiseFileName(`${'𠮷'.repeat(150)}.png`);
    expect(name).toBe(`${'𠮷'.repeat(maxFileNameLength - 4)}.png`);
  });

  it('renames Windows device names and falls back when nothing is left', () => {
    expect(sanitiseFileName('CON.pdf').name).toBe('_CON.pdf');
    expect(sanitiseFileName('////').name).toBe('附件');
    expect(sanitiseFileName('.pdf')).toEqual({ name: 'pdf', extension: '' });
  });
});

describe('attachmentDisposition', () => {
  it('carries the Chinese name as RFC 5987 filename* with an ASCII fallback', () => {
    const header = attachmentDisposition("政务 (2026)'汇报'.pdf");
    expect(header.startsWith('attachment; filename="')).toBe(true);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(encoded).not.toMatch(/[ '()]/);
    expect(decodeURIComponent(encoded)).toBe("政务 (2026)'汇报'.pdf");
    expect(header).toContain('filename="__ (2026)\'__\'.pdf"');
  });
});
