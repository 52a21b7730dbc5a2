/**
 * The bench table: one layout for the terminal, `bench/results/latest.md` and the README, and the
 * machine it ran on (figures from a shared 2-core box and a laptop are not comparable).
 */
import os from 'node:os';
import type { BenchRow } from './types';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  platform: string;
  /** 1-minute load average at the start: other work on the machine skews times (not ratios as much). */
  loadAverage: number;
}

export interface BenchRun {
  startedAt: string;
  finishedAt: string;
  short: boolean;
  machine: Machine;
  /** Measure modules that ran, in order. */
  modules: string[];
  /** Measure modules that threw: their rows are missing and the run exits non-zero. */
  crashed: { module: string; error: string }[];
  rows: BenchRow[];
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
}

const headings = ['section', 'what', 'measured', 'baseline', 'ratio', 'goal', 'pass', 'note'] as const;

/** Ratios read to three significant figures: 0.312×, 4.07×, 118×. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  const digits = Math.abs(ratio) >= 100 ? 0 : Math.abs(ratio) >= 10 ? 1 : Math.abs(ratio) >= 1 ? 2 : 3;
  return `${ratio.toFixed(digits)}×`;
}

function cells(row: BenchRow): string[] {
  return [
    row.section,
    row.name,
    row.measured,
    row.baseline,
    formatRatio(row.ratio),
    row.goal,
    row.pass ? 'pass' : 'FAIL',
    row.note ?? '',
  ].map((cell) => cell.replaceAll('|', '\\|').replaceAll('\n', ' '));
}

/** Terminal columns: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** A Markdown table whose columns also line up in a terminal. */
export function formatTable(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = headings.map((heading, column) =>
    Math.max(displayWidth(heading), ...body.map((line) => displayWidth(line[column] ?? ''))),
  );
  const line = (values: readonly string[]) =>
    `| ${values.map((value, column) => pad(value, widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(headings), rule, ...body.map(line)].join('\n');
}

export function summaryLine(run: BenchRun): string {
  const passed = run.rows.filter((row) => row.pass).length;
  const failed = run.rows.length - passed;
  const crashed = run.crashed.length > 0 ? `, ${run.crashed.length} measure(s) crashed` : '';
  return `${passed} goals met, ${failed} missed${crashed}`;
}

export function formatMarkdown(run: BenchRun): string {
  const { machine } = run;
  const lines = [
    '# Bench results',
    '',
    `- date: ${run.startedAt} → ${run.finishedAt}`,
    `- machine: ${machine.cpu} × ${machine.cores}, ${machine.ramGb} GB RAM, ${machine.platform}`,
    `- node: ${machine.node}; load average at start ${machine.loadAverage}`,
    `- mode: ${run.short ? 'short (CI: smaller sets, fewer runs, same goals)' : 'full'}`,
    `- measures: ${run.modules.join(', ')}`,
    `- result: ${summaryLine(run)}`,
    '',
    'Ratios compare against a baseline measured in the same run; absolute times are shown beside them',
    'and depend on the machine and its load.',
    '',
    formatTable(run.rows),
    '',
  ];
  for (const { module, error } of run.crashed) {
    lines.push(`**${module} crashed:** ${error.split('\n')[0] ?? ''}`, '');
  }
  return lines.join('\n');
}
