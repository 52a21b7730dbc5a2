import { describe, expect, it } from 'vitest';
import { findSecrecyMarker, findSecrecyMarkerIn } from '#shared/domain/quality/index';

const inBody = (body: string) => findSecrecyMarker({ title: '关于全市重点工作进展情况', body });

describe('findSecrecyMarker', () => {
  it.each([
    ['秘密★一年\n正文', '秘密★一年'],
    ['机密★长期', '机密★长期'],
    ['绝密★启用前', '绝密★启用前'],
    ['秘密 ★ 5年', '秘密 ★ 5年'],
    ['★长期', '★长期'],
    ['机密 一年', '机密 一年'],
    ['本件定为秘密级', '秘密级'],
    ['密级：机密', '密级：机密'],
    ['【秘密】关于', '【秘密】'],
    ['（机密）', '（机密）'],
    ['[绝密]', '[绝密]'],
    ['机密\n关于防汛工作', '机密'],
    ['　秘密\n正文', '秘密'],
    ['这是一份绝密材料', '绝密'],
    ['此件为内部资料，注意保密。', '内部资料，注意保密'],
    ['内部文件 注意保密', '内部文件 注意保密'],
    ['内部资料 请勿外传', '内部资料 请勿外传'],
    ['本材料不得外传', '不得外传'],
    ['严禁外传', '严禁外传'],
    ['本信息涉密', '本信息涉密'],
    ['【涉密】', '【涉密】'],
    ['涉密\n正文', '涉密'],
    ['机 密★', '机 密★'],
  ])('refuses %j (marker %j)', (body, marker) => {
    expect(inBody(body)?.marker).toBe(marker);
  });

  it.each([
    '全市保密工作会议召开，部署年底保密检查。',
    '开展涉密人员保密教育培训12期，加强涉密载体管理。',
    '本信息为非涉密信息（非涉密）。',
    '揭开茶叶卖出好价钱的秘密',
    '企业家分享致富的秘密武器',
    '依法保护企业商业机密和技术秘密',
    '严防国家秘密泄露',
    '开展保密宣传月活动，学习保密法',
    '获评★★★★★级服务窗口',
    '五星级酒店',
    '会议要求各单位注意保密纪律',
    '内部控制制度进一步完善',
  ])('does not refuse %j', (body) => {
    expect(inBody(body)).toBeUndefined();
  });

  it.each([
    ['绝\u200B密', '绝密'],
    ['机\u00A0密★一年', '机\u00A0密★一年'],
    ['机\u3000\u3000密★', '机　　密★'],
    ['秘\uFEFF密★1年', '秘密★1年'],
    ['絕密', '絕密'],
    ['絕密★啟用前', '絕密★啟用前'],
    ['機密★長期', '機密★長期'],
    ['【機密】內部安排', '【機密】'],
    ['机密＊１年', '机密＊１年'],
    ['内部资料 请注意保密', '内部资料 请注意保密'],
    ['內部資料 請注意保密', '內部資料 請注意保密'],
    ['本件屬於涉密', '本件屬於涉密'],
    ['机密\r\n正文', '机密'],
    ['机密\u2028正文', '机密'],
  ])('sees through disguise: %j (marker %j, as written)', (body, marker) => {
    expect(inBody(body)?.marker).toBe(marker);
  });

  it.each([
    '保密工作会议',
    '涉密人员培训',
    '商业机密',
    '非涉密',
    '商業機密',
    '保密\u200B工作會議',
    '内部资料汇编',
  ])('still lets %j pass after normalising', (text) => {
    expect(findSecrecyMarkerIn(text)).toBeUndefined();
  });

  it('reads one string on its own, as every free-text field is scanned', () => {
    expect(findSecrecyMarkerIn('机密★一年 潍城区整改情况')).toEqual({
      marker: '机密★一年',
      excerpt: '机密★一年 潍城区整改情况',
    });
    expect(findSecrecyMarkerIn('张\u200B建国')).toBeUndefined();
  });

  it('looks at the title first and keeps the excerpt short, on one line', () => {
    const found = findSecrecyMarker({
      title: '【机密】重点人员稳控工作情况',
      body: '秘密★1年\n很长的正文'.repeat(10),
    });
    expect(found?.marker).toBe('【机密】');
    const long = inBody(`${'我市'.repeat(30)}\n秘密★一年\n${'正文内容'.repeat(30)}`);
    expect(long?.marker).toBe('秘密★一年');
    expect(Array.from(long?.excerpt ?? '').length).toBeLessThanOrEqual(20);
    expect(long?.excerpt).toContain('秘密★一年');
    expect(long?.excerpt).not.toMatch(/\n/);
  });
});
