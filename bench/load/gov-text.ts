/**
 * Long 政务信息 bodies for the search bench: ~930 characters on average (300–1,800), with the
 * statistics that decide an index's size: a Zipf-distributed vocabulary of 12,000 words over 3,500
 * characters (the most frequent character ~3 % of the text, the most frequent word ~1.6 %, as
 * in Chinese prose: bigrams repeat as in real text, and most are rare), figures and Latin tokens
 * (1622, 5G), place names, and the phrase pools of ./text.ts so real queries (环境, 乡村振兴) hit.
 * The words are not real Chinese words; their counts are what matter here.
 */
import type { Random } from './random';

const places = [
  '桃花村',
  '高新区',
  '开发区',
  '东城街道',
  '西关街道',
  '南苑镇',
  '北湖镇',
  '青山乡',
  '临朐县',
  '青州市',
];
const phrases = [
  '优化营商环境',
  '推进乡村振兴',
  '加强安全生产',
  '提升政务服务效能',
  '改善人居环境',
  '推动数字经济发展',
  '强化生态环境保护',
  '做好民生保障',
  '建设5G基站',
  '建立问题清单和责任清单',
  '组织专班深入企业一线',
  '设立专项资金支持重点项目',
];

/** Characters 一 (U+4E00) onward, the first 3,500 of a fixed shuffle, rank = frequency order. */
function alphabet(random: Random): string[] {
  const all = Array.from({ length: 20_902 }, (_, i) => String.fromCharCode(0x4e00 + i));
  for (let i = all.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    const swap = all[i] as string;
    all[i] = all[j] as string;
    all[j] = swap;
  }
  return all.slice(0, 3_500);
}

/** Cumulative Zipf–Mandelbrot weights, 1 / (rank + flatten), for `size` ranks. */
function zipf(size: number, flatten: number): Float64Array {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let rank = 0; rank < size; rank++) {
    sum += 1 / (rank + flatten);
    cumulative[rank] = sum;
  }
  for (let rank = 0; rank < size; rank++) cumulative[rank] = (cumulative[rank] as number) / sum;
  return cumulative;
}

function draw(random: Random, cumulative: Float64Array): number {
  const target = random.next();
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((cumulative[mid] as number) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface GovText {
  body(random: Random): string;
  title(random: Random): string;
}

export function govText(seed: Random): GovText {
  const chars = alphabet(seed);
  const charWeights = zipf(chars.length, 5);
  const words = Array.from({ length: 12_000 }, () => {
    const length = seed.pick([2, 2, 2, 2, 3, 3, 4]);
    let word = '';
    for (let i = 0; i < length; i++) word += chars[draw(seed, charWeights)];
    return word;
  });
  const wordWeights = zipf(words.length, 10);
  const word = (random: Random) => {
    if (random.chance(0.03)) return random.pick(phrases);
    if (random.chance(0.02)) return random.pick(places);
    if (random.chance(0.02)) return String(random.int(2, 9999));
    return words[draw(random, wordWeights)] as string;
  };
  const sentence = (random: Random, words: number) => {
    let text = '';
    for (let i = 0; i < words; i++)
      text += word(random) + (i > 0 && i < words - 1 && random.chance(0.12) ? '，' : '');
    return `${text}。`;
  };
  return {
    title: (random) => sentence(random, random.int(5, 10)).slice(0, -1),
    body: (random) => {
      const target = Math.round(300 + 1_500 * random.next() ** 1.6);
      const paragraphs: string[] = [];
      let length = 0;
      while (length < target) {
        let paragraph = '';
        for (let s = random.int(2, 5); s > 0 && length + paragraph.length < target; s--)
          paragraph += sentence(random, random.int(6, 18));
        paragraphs.push(paragraph);
        length += paragraph.length + 1;
      }
      return paragraphs.join('\n');
    },
  };
}
