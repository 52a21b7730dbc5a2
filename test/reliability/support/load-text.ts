/**
 * Varied, plausible 政务信息 text for load tests. Every item must differ enough that the
 * near-duplicate index stays small (as a real year's items do): each text mixes a place, a topic,
 * actions and figures drawn at random, plus the submission's own tag, so no two share most shingles.
 */
import { seededRandom as seededSource } from '../../../bench/load/random';

const places = [
  '潍城区',
  '奎文区',
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
  '高新区',
  '滨海区',
  '峡山区',
  '综保区',
  '经济区',
  '市发展改革委',
  '市财政局',
  '市教育局',
  '市卫生健康委',
  '市住房城乡建设局',
  '市交通运输局',
  '市农业农村局',
  '市商务局',
];
const topics = [
  '农村人居环境整治',
  '老旧小区改造',
  '重点项目建设',
  '营商环境优化',
  '就业创业扶持',
  '乡村旅游发展',
  '义务教育均衡',
  '医疗服务提升',
  '养老服务体系',
  '河湖长制落实',
  '秸秆综合利用',
  '冬季清洁取暖',
  '公共文化服务',
  '全民健身设施',
  '城市更新行动',
  '科技创新平台',
  '外贸稳增长',
  '粮食生产保障',
  '设施蔬菜产业',
  '海洋经济发展',
  '数字政府建设',
  '信访积案化解',
  '安全生产检查',
  '食品安全监管',
];
const actions = [
  '新建',
  '改造',
  '完成',
  '落地',
  '签约',
  '开工',
  '投产',
  '培训',
  '走访',
  '排查',
  '整改',
  '发放',
  '帮扶',
  '引进',
  '建成',
  '提升',
  '覆盖',
  '受理',
  '办结',
  '惠及',
];
const objects = [
  '企业',
  '村庄',
  '社区',
  '农户',
  '学校',
  '病床',
  '公里道路',
  '个项目',
  '套住房',
  '名群众',
  '家商户',
  '亩耕地',
  '座桥梁',
  '处隐患',
  '件诉求',
  '个岗位',
  '台设备',
  '个站点',
  '栋楼宇',
  '个班次',
];
const outcomes = [
  '群众满意率明显提高',
  '形成可复制经验做法',
  '获省级表彰推广',
  '节约财政资金',
  '带动村民增收',
  '办理时限压缩一半',
  '实现动态清零',
  '入选全省典型案例',
  '带动社会投资',
  '服务效率显著提升',
];

const pick = <T>(list: readonly T[], random: () => number): T =>
  list[Math.floor(random() * list.length)] as T;
const figure = (random: () => number) => String(1 + Math.floor(random() * 9_999));

/** The bulk loader's seeded source (mulberry32), so a failing run can be replayed with the same seed. */
export function seededRandom(seed: number): () => number {
  return seededSource(seed).next;
}

/** Title and body of one item; `tag` (e.g. its sequence number) appears in both, to find it again. */
export function itemText(tag: string, random: () => number): { title: string; body: string } {
  const place = pick(places, random);
  const topic = pick(topics, random);
  const title = `${place}${topic}${pick(actions, random)}${figure(random)}${pick(objects, random)}（${tag}）`;
  const sentences: string[] = [];
  for (let index = 0; index < 4; index += 1) {
    sentences.push(
      `${pick(actions, random)}${figure(random)}${pick(objects, random)}，${pick(actions, random)}${figure(random)}${pick(objects, random)}，${pick(outcomes, random)}`,
    );
  }
  const body = `本月，${place}围绕${topic}，${sentences.join('；')}。编号${tag}。`;
  return { title, body };
}

const todayInShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A complete, acceptable submission body carrying `tag`. */
export function submissionBody(tag: string, random: () => number) {
  return {
    ...itemText(tag, random),
    eventDate: todayInShanghai(),
    urgency: 'normal',
    openness: 'public',
    secrecy: 'non-secret',
    approver: '张建国',
    author: { name: '李晓梅', phone: '0536-8201234' },
  };
}
