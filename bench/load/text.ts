/**
 * Plausible 政务信息 titles and bodies from phrase pools, varied enough that near-duplicate
 * detection sees distinct items (every text carries its own figures and place).
 */
import { shanghaiDate } from '../../shared/domain/periods';
import { type Random, seededRandom } from './random';

const places = [
  '城区',
  '高新区',
  '开发区',
  '北部片区',
  '滨海片区',
  '东城街道',
  '西关街道',
  '南苑镇',
  '北湖镇',
  '青山乡',
];
const topics = [
  '优化营商环境',
  '推进乡村振兴',
  '加强安全生产',
  '提升政务服务效能',
  '促进就业创业',
  '改善人居环境',
  '推动数字经济发展',
  '强化生态环境保护',
  '做好民生保障',
  '深化“放管服”改革',
  '培育新兴产业集群',
  '推进老旧小区改造',
];
const measures = [
  '建立问题清单和责任清单，明确时限逐项销号',
  '开通线上办理渠道，群众办事少跑腿',
  '组织专班深入企业一线，现场解决难题',
  '整合部门数据资源，实现信息共享互认',
  '设立专项资金，支持重点项目加快建设',
  '引入第三方评估，定期通报进展情况',
  '推行网格化管理，把服务延伸到村居',
  '完善考核激励机制，压实各方责任',
];
const outcomes = [
  '办理时限平均压缩',
  '新增市场主体',
  '带动就业岗位',
  '群众满意度提升到',
  '完成投资',
  '累计受益群众',
];

/** A title and a body with its own numbers: 4–80 and 20+ characters, as the API requires. */
export function itemText(random: Random, serial: number): { title: string; body: string } {
  const place = random.pick(places);
  const topic = random.pick(topics);
  const first = random.pick(measures);
  let second = random.pick(measures);
  if (second === first) second = measures[(measures.indexOf(first) + 1) % measures.length] ?? first;
  const outcome = random.pick(outcomes);
  const figure = random.int(3, 980);
  const title = `${place}${first.slice(0, 6)} ${topic}取得新进展（${serial}）`;
  const body = [
    `今年以来，${place}围绕${topic}，${first}。`,
    `同时${second}，${outcome}${figure}${random.pick(['个', '人', '万元', '%', '项'])}，第${serial}号工作台账已全部完成。`,
    `下一步，将持续巩固成果，确保${topic}各项任务在${random.int(1, 12)}月底前落实到位。`,
  ].join('\n');
  return { title, body };
}

/**
 * A complete `POST /items` body for the benches that submit through the API: the generated text
 * of `serial`, dated today, with a sign-off.
 */
export function benchSubmission(serial: number) {
  const random = seededRandom(serial);
  return {
    ...itemText(random, serial),
    eventDate: shanghaiDate(new Date()),
    urgency: 'normal',
    openness: 'public',
    secrecy: 'non-secret',
    approver: '张建国',
    author: { name: '李晓梅', phone: '0536-8201234' },
  } as const;
}
