import { describe, expect, it } from 'vitest';
import {
  meetingOnlyEvidence,
  type QualityInput,
  qualityFindings,
  vagueTimeWords,
} from '#shared/domain/quality/index';

const filler =
  '全县新招引亿元以上项目38个，计划总投资216.5亿元，同比增长23.4%；盘活闲置低效用地1260亩，新建标准厂房18万平方米，平均开工时间由120天缩短至45天，确保项目落得下、建得快，群众满意率达到99%以上，企业开办时间压缩到0.5个工作日，县里还为286家规上企业配备首席服务官，帮助解决用工、融资、用地等问题394个。';

function input(overrides: Partial<QualityInput> = {}): QualityInput {
  return {
    title: '青山县前三季度新招引亿元以上项目38个',
    body: filler,
    eventDate: '2026-11-18',
    urgency: 'normal',
    approver: '王建国',
    author: { name: '李晓梅', phone: '0571-88001234' },
    ...overrides,
  };
}
const codes = (i: QualityInput, now = new Date('2026-11-20T10:00:00+08:00')) =>
  qualityFindings(i, now).map((f) => f.code);

describe('VAGUE_TIME', () => {
  it.each([
    ['日前，我县召开', ['日前']],
    ['近日，市商务局', ['近日']],
    ['近期，市发展改革委牵头', ['近期']],
    ['前不久，县里组织', ['前不久']],
    ['不久前完成', ['不久前']],
    ['前段时间，白河县', ['前段时间']],
    ['前一段时间以来', ['前一段时间']],
    ['最近，区人社局推出', ['最近']],
    ['近来，群众反映', ['近来']],
    ['上周，东城区', ['上周']],
    ['上月底，全市', ['上月']],
    ['上周，县里；近日，市里', ['上周', '近日']],
  ])('flags %j', (text, words) => {
    expect(vagueTimeWords(text)).toEqual(words);
  });

  it.each([
    '今年以来，全县',
    '近年来，我县积极推广',
    '最近三年，全市',
    '元旦、春节节日前后的市场供应',
    '于12月15日前完成整改',
    '截止日前提交',
    '生活圈建设的近期目标是',
    '近期将出台实施细则',
    '近期、中期、远期相结合',
    '离家最近的菜市场',
    '最近的医院',
    '营业额比上月增长6.8%',
    '环比上月下降',
    '较上周减少',
    '从附近来的游客',
    '近日（11月18日），我市',
    '上周三（11月18日），我局',
  ])('does not flag %j', (text) => {
    expect(vagueTimeWords(text)).toEqual([]);
  });

  it('reports the words as evidence', () => {
    const finding = qualityFindings(
      input({ body: `近日，${filler}前不久，县里又出台新政策。` }),
      new Date(),
    ).find((f) => f.code === 'VAGUE_TIME');
    expect(finding?.evidence).toEqual(['近日', '前不久']);
    expect(finding?.message).toContain('具体日期');
  });
});

describe('MEETING_ONLY', () => {
  it.each([
    '11月20日，西山县召开乡村振兴推进会。会议强调，要聚焦产业振兴。会议要求，确保完成全年任务。',
    '市农业农村局赴浙江考察学习，参观了数字农业基地，与当地部门进行了座谈交流。',
    '市长带队调研安全生产工作，听取了企业负责人的工作汇报。他强调，要压实责任。',
    '全县200余人参加会议。会议指出，要实现高质量发展。',
    '会议传达学习了全省会议精神。县长表示，将力争实现全年目标。',
  ])('flags %j', (text) => {
    expect(meetingOnlyEvidence(text)).toBeDefined();
  });

  it.each([
    '我市在深圳举办招商推介会，现场签约项目15个，总投资128亿元。',
    '县领导带队赴苏州考察，双方达成合作意向。',
    '座谈会上，企业反映的问题已全部解决。',
    '市长调研时现场协调，项目已于当月开工。',
    '召开调度会后，全市新增就业岗位。',
    '会议通报，前三季度全市地区生产总值增长6.1%。',
    '走访企业120家，收集问题35个。',
    '通过入户走访征集意见2.1万条。',
  ])('does not flag %j (it carries an outcome or a figure)', (text) => {
    expect(meetingOnlyEvidence(text)).toBeUndefined();
  });

  it('does not flag items that are not about a meeting or visit', () => {
    expect(meetingOnlyEvidence('市住建局持续推进老旧小区改造，群众反映良好。')).toBeUndefined();
  });
});

describe('length', () => {
  it('bounds title and body, counting characters without whitespace', () => {
    expect(codes(input({ title: '青山县'.repeat(14) }))).toEqual(['TITLE_TOO_LONG']);
    expect(codes(input({ title: `${'青山县'.repeat(13)}一` }))).toEqual([]);
    expect(codes(input({ title: '防汛工作简报' }))).toEqual(['TITLE_TOO_SHORT']);
    expect(codes(input({ title: '防汛工作简报 要 情' }))).toEqual([]);
    expect(codes(input({ body: filler.slice(0, 149) }))).toEqual(['BODY_TOO_SHORT']);
    expect(codes(input({ body: filler.slice(0, 150) }))).toEqual([]);
    expect(codes(input({ body: ' \n'.repeat(200) + filler.slice(0, 149) }))).toEqual(['BODY_TOO_SHORT']);
    expect(codes(input({ body: filler.repeat(30).slice(0, 3001) }))).toEqual(['BODY_TOO_LONG']);
    expect(codes(input({ body: filler.repeat(30).slice(0, 3000) }))).toEqual([]);
  });
});

describe('MISSING_SIGNOFF', () => {
  it('lists every missing or blank field', () => {
    const [finding] = qualityFindings(
      input({ approver: ' ', author: { name: '李晓梅' } }),
      new Date('2026-11-19'),
    );
    expect(finding?.code).toBe('MISSING_SIGNOFF');
    expect(finding?.evidence).toEqual(['审核领导', '执笔人电话']);
    expect(codes(input({ approver: undefined, author: undefined }))).toEqual(['MISSING_SIGNOFF']);
  });
});

describe('LATE', () => {
  it.each([
    ['important', '2026-11-18', '2026-11-20T23:59:00+08:00', false],
    ['important', '2026-11-18', '2026-11-21T00:00:00+08:00', true],
    ['important', '2026-11-18', '2026-11-20T16:30:00Z', true],
    ['important', '2026-11-18', '2026-11-20T15:59:00Z', false],
    ['normal', '2026-11-10', '2026-11-20T10:00:00+08:00', false],
    ['normal', '2026-11-09', '2026-11-20T10:00:00+08:00', true],
    ['normal', '2026-11-25', '2026-11-20T10:00:00+08:00', false],
    ['normal', '2026-02-30', '2026-11-20T10:00:00+08:00', false],
  ] as const)('%s item of %s submitted %s: late=%s', (urgency, eventDate, at, late) => {
    expect(codes(input({ urgency, eventDate }), new Date(at)).includes('LATE')).toBe(late);
  });

  it('says how late and what the limit is', () => {
    const [finding] = qualityFindings(
      input({ urgency: 'important', eventDate: '2026-11-10' }),
      new Date('2026-11-16T10:00:00+08:00'),
    );
    expect(finding?.message).toContain('6 天');
    expect(finding?.message).toContain('2 天内');
    expect(finding?.evidence).toEqual(['事件日期 2026-11-10', '报送日期 2026-11-16']);
  });
});
