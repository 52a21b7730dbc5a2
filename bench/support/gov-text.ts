/**
 * Seeded generator of government-affairs items (政务信息) for the quality bench: titles and
 * bodies composed from sentence patterns with places, projects, figures and dates drawn at
 * random, so that items on one topic share phrases the way real ones do without being copies.
 * The same seed always yields the same items.
 */
import { seededRandom as seededSource } from '../load/random';

export type Random = () => number;

/** The bulk loader's seeded source (mulberry32) as a bare function: deterministic for a given seed. */
export function seededRandom(seed: number): Random {
  return seededSource(seed).next;
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const decimal = (random: Random, min: number, max: number) => (min + random() * (max - min)).toFixed(1);

const counties = [
  '奎文区',
  '潍城区',
  '坊子区',
  '寒亭区',
  '青州市',
  '诸城市',
  '寿光市',
  '安丘市',
  '高密市',
  '昌邑市',
  '临朐县',
  '昌乐县',
];
const departments = [
  '市发展改革委',
  '市教育局',
  '市科技局',
  '市工业和信息化局',
  '市民政局',
  '市财政局',
  '市人力资源社会保障局',
  '市自然资源和规划局',
  '市生态环境局',
  '市住房城乡建设局',
  '市交通运输局',
  '市水利局',
  '市农业农村局',
  '市商务局',
  '市文化和旅游局',
  '市卫生健康委',
  '市应急管理局',
  '市市场监管局',
  '市医保局',
  '市行政审批服务局',
  '市大数据局',
  '市退役军人事务局',
];
const syllables =
  '东西南北河山泉安宁和平新兴昌乐寿光青州城高密临朐峡山浞景芝柳疃营里店庄坡岭洼沟桥湖塘园林台村集'.split('');
const industries = [
  '高端装备',
  '新能源汽车零部件',
  '现代种业',
  '食品加工',
  '新材料',
  '医药健康',
  '纺织服装',
  '精细化工',
  '数字经济',
  '文旅康养',
  '物流',
  '蔬菜产业',
];
const topics = [
  {
    name: '乡村振兴',
    nouns: ['和美乡村', '农村人居环境', '村集体经济', '高标准农田', '农业社会化服务'],
    verbs: ['推进', '打造', '提升'],
  },
  {
    name: '营商环境',
    nouns: ['企业开办', '工程建设项目审批', '政务服务', '涉企收费', '信用监管'],
    verbs: ['优化', '深化', '改进'],
  },
  {
    name: '安全生产',
    nouns: ['隐患排查', '危险化学品', '燃气管道', '消防安全', '建筑施工'],
    verbs: ['开展', '强化', '整治'],
  },
  {
    name: '招商引资',
    nouns: ['重点项目', '产业链招商', '外资企业', '总部经济', '专业园区'],
    verbs: ['引进', '落地', '签约'],
  },
  {
    name: '民生保障',
    nouns: ['就业帮扶', '养老服务', '困难群众救助', '保障性住房', '托育服务'],
    verbs: ['完善', '扩大', '保障'],
  },
  {
    name: '生态环境',
    nouns: ['大气污染防治', '河湖长制', '土壤修复', '污水处理', '农村黑臭水体'],
    verbs: ['治理', '攻坚', '改善'],
  },
  {
    name: '数字政府',
    nouns: ['一网通办', '数据共享', '电子证照', '城市大脑', '政务云'],
    verbs: ['建设', '推广', '整合'],
  },
  {
    name: '城市更新',
    nouns: ['老旧小区改造', '背街小巷', '口袋公园', '地下管网', '停车设施'],
    verbs: ['实施', '改造', '完成'],
  },
  {
    name: '医疗卫生',
    nouns: ['县域医共体', '家庭医生签约', '基层卫生院', '紧密型医联体', '慢病管理'],
    verbs: ['构建', '下沉', '提升'],
  },
  {
    name: '教育发展',
    nouns: ['集团化办学', '课后服务', '中小学扩容', '职业教育', '教师队伍'],
    verbs: ['推动', '新建', '提质'],
  },
] as const;

type Topic = (typeof topics)[number];

function placeName(random: Random): string {
  return `${pick(random, syllables)}${pick(random, syllables)}`;
}

function dateText(random: Random): string {
  return `${int(random, 1, 12)}月${int(random, 1, 28)}日`;
}

function unitName(random: Random): string {
  return random() < 0.55 ? pick(random, counties) : pick(random, departments);
}

/** Expands `{甲|乙|丙}` groups to one of their alternatives: the same pattern rarely reads the same twice. */
function vary(random: Random, text: string): string {
  return text.replace(/\{([^{}]+)\}/g, (_, options: string) => pick(random, options.split('|')));
}

/** One sentence from a pattern; every pattern has several slots and wordings, so two draws rarely match. */
function sentence(random: Random, topic: Topic): string {
  const noun = pick(random, topic.nouns);
  const verb = pick(random, topic.verbs);
  const place = `${placeName(random)}${pick(random, ['街道', '镇', '社区', '村', '园区', '片区', '开发区'])}`;
  const industry = pick(random, industries);
  const project = `${placeName(random)}${placeName(random)}${pick(random, ['产业园', '示范区', '综合体', '服务中心', '基地', '工程'])}`;
  const n = (min: number, max: number) => String(int(random, min, max));
  const d = (min: number, max: number) => decimal(random, min, max);
  const patterns: (() => string)[] = [
    () =>
      `${dateText(random)}，${place}{召开|组织|举办}${noun}{现场推进会|观摩会|专题调度会}，{梳理|列出|汇总}问题清单${n(8, 60)}项，{明确|压实}责任单位${n(3, 20)}个，{限时|要求}${n(10, 90)}天{办结|整改到位}。`,
    () =>
      `{截至|到}${dateText(random)}，{全域|全县|全市|辖区}累计${verb}${noun}项目${n(12, 480)}个，{完成投资|拉动投资}${d(1, 90)}亿元，{同比增长|较上年增加}${d(2, 45)}%。`,
    () =>
      `{聚焦|围绕|紧盯}${industry}{等主导产业|产业链|集群}，${place}{建立|组建|设立}“${placeName(random)}${pick(random, ['服务队', '专班', '驿站', '工作站', '联盟'])}”，{今年以来|1至10月|前三季度}{帮助|协调}${n(20, 600)}家企业{解决|化解}${pick(random, ['用工', '融资', '用地', '审批', '物流', '用电'])}{难题|诉求}${n(30, 900)}件。`,
    () =>
      `${place}{创新推行|探索实施|率先试点}“${pick(random, ['一窗受理', '一次办好', '全程代办', '接诉即办', '街巷长制', '无证明城市', '拿地即开工'])}”{模式|机制|工作法}，{群众|企业}办事{平均时长|时限}由${n(3, 15)}天{压缩至|缩短到}${n(1, 3)}天，{满意率|好评率}{达到|提升至}${d(95, 99.9)}%。`,
    () =>
      `{投入|统筹|争取}{资金|专项债券资金|上级补助}${d(0.2, 30)}亿元，${verb}${noun}${n(2, 60)}{处|个|项}，{惠及|覆盖}{群众|居民|农户}${n(1, 40)}万余{人|户}。`,
    () =>
      `{针对|聚焦}${noun}{中存在的|领域}${pick(random, ['标准不统一', '数据不互通', '资金缺口大', '监管有盲区', '群众参与度低', '责任链条长'])}等{问题|短板}，${place}{联合|会同}${pick(random, departments)}{出台|制定}${n(2, 12)}条{具体措施|硬举措}，{逐项|逐条}{建立台账|销号管理}。`,
    () =>
      `${dateText(random)}{至|到}${dateText(random)}，{组织|抽调}{专家|骨干|执法人员}${n(6, 80)}人次{深入|分赴}${n(10, 200)}个{点位|企业|村居}{开展督导检查|明察暗访|逐一过筛}，{发现并整改|督促整改}问题${n(15, 400)}{处|项}。`,
    () =>
      `${place}{引进|培育|新上}${industry}项目${n(2, 30)}个，{其中|包括}{过亿元|过5亿元}项目${n(1, 12)}个，{预计|达产后}年{新增产值|实现营收}${d(1, 60)}亿元。`,
    () =>
      `{下一步|今后}，{将|我们将}{持续深化|巩固拓展|全面推广|加快完善}${noun}{工作机制|经验做法}，{力争|确保}到${n(2026, 2028)}年底{实现|达到}${pick(random, ['全覆盖', '提档升级', '翻一番', '应纳尽纳', '全域推开'])}。`,
    () =>
      `{建立|完善|推行}“${n(1, 5)}+${n(2, 9)}+N”{工作体系|推进机制}，由${n(2, 9)}名{县级|局级}领导{包联|牵头}，${n(10, 90)}个{部门|单位}{协同|联动}，{实现|做到}${noun}{周调度|月通报|季考核}。`,
    () =>
      `${project}{总投资|计划投资}${d(2, 80)}亿元，{占地|建筑面积}${n(50, 900)}{亩|万平方米}，{已完成|目前完成}{主体工程|投资进度}的${n(30, 95)}%，{预计|计划}${n(1, 12)}月{投入使用|建成投产}。`,
    () =>
      `{依托|借助}${pick(random, ['大数据平台', '网格化管理', '12345热线', '信用评价', '视频监控'])}，{对|围绕}${noun}{实行|开展}{动态监测|闭环管理|分级预警}，{累计|共}{预警|处置}{风险|事项}${n(10, 500)}{条|起}。`,
    () =>
      `{邀请|组织}${pick(random, ['省内外专家', '高校团队', '行业协会', '第三方机构'])}{开展|进行}{评估|论证|培训}${n(2, 30)}{场|次}，{参训|参与}{人员|干部}${n(100, 3000)}人次。`,
    () =>
      `${placeName(random)}{村民|居民|企业负责人}${pick(random, ['王', '李', '张', '刘', '陈', '赵'])}{先生|女士}{说|表示}：“{现在|如今}${pick(random, ['办事不用来回跑', '门口就能就业', '路宽了灯亮了', '看病更方便了', '审批快了很多'])}，{心里|大家}{很踏实|都满意}。”`,
    () =>
      `{该做法|相关经验}{被|获}${pick(random, ['省政府办公厅', '《大众日报》', '省发展改革委', '国务院办公厅督查室'])}{刊发推广|肯定|转发}，{${n(3, 30)}个|多个}{兄弟县市区|外地考察团}{前来学习|来此观摩}。`,
    () =>
      `{今年|本年度}{新增|培育}{省级|市级}${pick(random, ['专精特新企业', '示范村', '标准化社区', '特色小镇', '高新技术企业'])}${n(2, 40)}家，{总数|累计}{达到|达}${n(20, 300)}家，{居全市第|列全市第}${n(1, 5)}位。`,
  ];
  return vary(random, pick(random, patterns)());
}

export interface GeneratedItem {
  title: string;
  body: string;
  unitName: string;
  topic: string;
}

/** A fresh item: 8–40 character title, ~250–1,400 character body in 2–5 paragraphs. */
export function generateItem(random: Random): GeneratedItem {
  const topic = pick(random, topics);
  const unit = unitName(random);
  const title =
    `${unit}${pick(random, topic.verbs)}${pick(random, topic.nouns)}${pick(random, ['见实效', '取得新进展', '跑出加速度', '成效明显', '打造新样板'])}`.slice(
      0,
      40,
    );
  const paragraphs: string[] = [];
  const paragraphCount = int(random, 2, 5);
  for (let p = 0; p < paragraphCount; p++) {
    const sentences: string[] = [];
    const count = int(random, 2, 4);
    for (let s = 0; s < count; s++) sentences.push(sentence(random, topic));
    paragraphs.push(sentences.join(''));
  }
  const opening = vary(
    random,
    `{今年以来|近年来|${dateText(random)}以来}，${unit}{坚持|突出|树牢}{问题导向|项目为王|群众视角|系统思维|实干导向}，{扎实推进|全力抓好|统筹推进}${topic.name}{各项工作|重点任务}。`,
  );
  return { title, body: `${opening}\n${paragraphs.join('\n')}`, unitName: unit, topic: topic.name };
}

/** A light re-post of `item`: the same text with one sentence replaced and one appended. */
export function lightRepost(random: Random, item: GeneratedItem): GeneratedItem {
  const topic = topics.find((entry) => entry.name === item.topic) ?? topics[0];
  const sentences = item.body.split('。').filter(Boolean);
  const at = int(random, 0, Math.max(0, sentences.length - 1));
  sentences[at] = sentence(random, topic).replace(/。$/, '');
  return {
    ...item,
    title: `${item.title.slice(0, 30)}（续报）`,
    body: `${sentences.join('。')}。${sentence(random, topic)}`,
  };
}
