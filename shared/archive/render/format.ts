/** Labels and dates as readers see them. */
import { shanghaiDate } from '../../domain/periods';

export function bulletinLabel(b: { seriesName: string; year: number; number?: number | undefined }): string {
  return `《${b.seriesName}》${b.year}年第${b.number ?? '—'}期`;
}

/** 2026年11月25日 in the office's time zone. */
export function chineseDate(iso: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const [year, month, day] = shanghaiDate(at).split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}
