/**
 * Demo reporting units: Weifang (潍坊市, Shandong, area code 0536), a prefecture-level city of
 * about the designed size — its 12 county-level divisions and 4 functional zones as `county`,
 * and 80 municipal departments and units stationed in the city as `department`. Contacts are
 * invented; phones follow the city's numbering, emails use the reserved example domain.
 */
import type { UnitCreate } from '../../../shared/schemas/units';

/** slug, name, landline prefix (first digit of the 7-digit local number). */
type Entry = readonly [id: string, name: string, prefix?: string];

const counties: readonly Entry[] = [
  ['weicheng', '潍城区人民政府', '8'],
  ['hanting', '寒亭区人民政府', '7'],
  ['fangzi', '坊子区人民政府', '7'],
  ['kuiwen', '奎文区人民政府', '8'],
  ['qingzhou', '青州市人民政府', '3'],
  ['zhucheng', '诸城市人民政府', '6'],
  ['shouguang', '寿光市人民政府', '5'],
  ['anqiu', '安丘市人民政府', '4'],
  ['gaomi', '高密市人民政府', '2'],
  ['changyi', '昌邑市人民政府', '7'],
  ['linqu', '临朐县人民政府', '3'],
  ['changle', '昌乐县人民政府', '6'],
  ['gaoxin', '潍坊高新技术产业开发区管理委员会', '8'],
  ['binhai', '潍坊滨海经济技术开发区管理委员会', '7'],
  ['xiashan', '潍坊峡山生态经济开发区管理委员会', '4'],
  ['zongbao', '潍坊综合保税区管理委员会', '8'],
];

const departments: readonly Entry[] = [
  ['fgw', '市发展和改革委员会'],
  ['jyj', '市教育局'],
  ['kjj', '市科学技术局'],
  ['gxj', '市工业和信息化局'],
  ['mzzjj', '市民族宗教事务局'],
  ['gaj', '市公安局'],
  ['mzj', '市民政局'],
  ['sfj', '市司法局'],
  ['czj', '市财政局'],
  ['rsj', '市人力资源和社会保障局'],
  ['zrzyj', '市自然资源和规划局'],
  ['sthjj', '市生态环境局'],
  ['zjj', '市住房和城乡建设局'],
  ['jtysj', '市交通运输局'],
  ['slj', '市水利局'],
  ['nyncj', '市农业农村局'],
  ['hyyyj', '市海洋发展和渔业局'],
  ['swj', '市商务局'],
  ['whlyj', '市文化和旅游局'],
  ['wjw', '市卫生健康委员会'],
  ['tyjrswj', '市退役军人事务局'],
  ['yjglj', '市应急管理局'],
  ['sjj', '市审计局'],
  ['wb', '市人民政府外事办公室'],
  ['gzw', '市人民政府国有资产监督管理委员会'],
  ['scjgj', '市市场监督管理局'],
  ['tyj', '市体育局'],
  ['tjj', '市统计局'],
  ['ybj', '市医疗保障局'],
  ['cgj', '市城市管理局'],
  ['xzspj', '市行政审批服务局'],
  ['xfj', '市信访局'],
  ['dsjj', '市大数据局'],
  ['nyj', '市能源局'],
  ['lscbj', '市粮食和物资储备局'],
  ['gfdyb', '市国防动员办公室'],
  ['jrb', '市委金融委员会办公室'],
  ['wxb', '市委网络安全和信息化委员会办公室'],
  ['jgswzx', '市机关事务服务中心'],
  ['ggzyjyzx', '市公共资源交易中心'],
  ['gjjzx', '市住房公积金管理中心'],
  ['tzcjzx', '市投资促进服务中心'],
  ['xmyzx', '市畜牧业发展中心'],
  ['sbzx', '市社会保险事业中心'],
  ['jyrczx', '市公共就业和人才服务中心'],
  ['glzx', '市公路事业发展中心'],
  ['jtzfzd', '市交通运输综合执法支队'],
  ['jcjczx', '市检验检测中心'],
  ['jkzx', '市疾病预防控制中心'],
  ['rmyy', '潍坊市人民医院'],
  ['rmtzx', '市融媒体中心'],
  ['dag', '市档案馆'],
  ['nky', '市农业科学院'],
  ['dx', '中共潍坊市委党校'],
  ['gxs', '市供销合作社'],
  ['ctjt', '潍坊市城市建设发展投资集团有限公司'],
  ['zjlxc', '市人民政府驻北京联络处'],
  ['xfzd', '市消防救援支队'],
  ['swju', '国家税务总局潍坊市税务局'],
  ['qxj', '市气象局'],
  ['dcd', '国家统计局潍坊调查队'],
  ['yzglj', '市邮政管理局'],
  ['rmyh', '中国人民银行潍坊市分行'],
  ['jrjgfj', '国家金融监督管理总局潍坊监管分局'],
  ['hg', '潍坊海关'],
  ['ycj', '市烟草专卖局'],
  ['gdgs', '国网潍坊供电公司'],
  ['swzx', '市水文中心'],
  ['dzjczx', '市地震监测中心'],
  ['zgh', '市总工会'],
  ['tsw', '共青团潍坊市委员会'],
  ['fl', '市妇女联合会'],
  ['kx', '市科学技术协会'],
  ['gsl', '市工商业联合会'],
  ['ql', '市归国华侨联合会'],
  ['wl', '市文学艺术界联合会'],
  ['skl', '市社会科学界联合会'],
  ['cl', '市残疾人联合会'],
  ['hszh', '市红十字会'],
  ['mch', '市国际贸易促进委员会'],
];

const surnames = '王张李刘孙赵杨陈徐高马于郭宋韩姜丁董孟曹田袁邢郑吕谭崔冯周秦'.split('');
const givenNames = [
  '志刚',
  '海燕',
  '建华',
  '晓东',
  '丽娜',
  '文博',
  '雪梅',
  '国栋',
  '红霞',
  '立新',
  '静',
  '磊',
  '洁',
  '鹏',
  '瑞',
  '敏',
  '宁宁',
  '晨曦',
  '子涵',
  '明远',
  '欣然',
  '亚楠',
  '振华',
  '春燕',
  '卫东',
  '玉洁',
  '宏伟',
  '慧敏',
  '凯',
  '琳',
  '广利',
  '新颖',
  '玉梅',
  '金龙',
  '晓萌',
  '成军',
  '倩',
  '书航',
];

/** Deterministic, so a fresh start always loads the same people. */
function person(seed: number) {
  const surname = surnames[(seed * 7) % surnames.length] ?? '王';
  const given = givenNames[(seed * 11 + 3) % givenNames.length] ?? '伟';
  return `${surname}${given}`;
}

function phone(seed: number, prefix: string): string {
  const rest = String(((seed * 7919 + 104_729) % 900_000) + 100_000);
  return `0536-${prefix}${rest}`;
}

function unit(entry: Entry, index: number, unitClass: UnitCreate['class']): UnitCreate {
  const [id, name, prefix = '8'] = entry;
  const contacts = [{ name: person(index), phone: phone(index, prefix), email: `${id}.xxy@example.gov.cn` }];
  if (unitClass === 'county') {
    // Counties staff an information section: a second contact for when the first is away.
    const seed = index + 97;
    contacts.push({ name: person(seed), phone: phone(seed, prefix), email: `${id}.xxk@example.gov.cn` });
  }
  return { id, name, class: unitClass, contacts, headEmail: `${id}.fzr@example.gov.cn` };
}

export const demoCity = { name: '潍坊市', areaCode: '0536' } as const;

export const demoUnits: readonly UnitCreate[] = [
  ...counties.map((entry, index) => unit(entry, index, 'county')),
  ...departments.map((entry, index) => unit(entry, index + counties.length, 'department')),
];
