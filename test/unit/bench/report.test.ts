import { describe, expect, it } from 'vitest';
import { displayWidth, formatMarkdown, formatRatio, formatTable, summaryLine } from '../../../bench/report';
import type { BenchRow } from '../../../bench/types';

const rows: BenchRow[] = [
  {
    section: '冷启动 / cold load',
    name: 'items: start + first request',
    measured: '182 ms',
    baseline: '610 ms',
    ratio: 182 / 610,
    goal: '≤ 0.4× unbundled',
    pass: true,
  },
  {
    section: '包大小 / bundle size',
    name: 'scores bundle',
    measured: '1459 KB',
    baseline: '—',
    ratio: 1459 / 250,
    goal: '≤ 250 KB',
    pass: false,
    note: 'needs exceljs | XLSX',
  },
];

const run = {
  startedAt: '2026-11-25T19:00:00.000Z',
  finishedAt: '2026-11-25T19:05:00.000Z',
  short: true,
  machine: { cpu: 'Test CPU', cores: 2, ramGb: 23.5, node: 'v24.9.0', platform: 'linux', loadAverage: 1.5 },
  modules: ['cold-load'],
  crashed: [{ module: 'publish', error: 'Error: boom\n    at somewhere' }],
  rows,
};

describe('the bench table', () => {
  it('lines its columns up in a terminal, Chinese sections included', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines).toHaveLength(4);
    const widths = lines.map(displayWidth);
    expect(new Set(widths).size).toBe(1);
  });

  it('says FAIL for a missed goal and keeps a pipe in a note from breaking the table', () => {
    const table = formatTable(rows);
    expect(table).toMatch(/\| FAIL \|/);
    expect(table).toMatch(/\| pass \|/);
    expect(table).toContain('needs exceljs \\| XLSX');
  });

  it('reads ratios to three significant figures', () => {
    expect(formatRatio(182 / 610)).toBe('0.298×');
    expect(formatRatio(1459 / 250)).toBe('5.84×');
    expect(formatRatio(34.37)).toBe('34.4×');
    expect(formatRatio(null)).toBe('—');
  });

  it('heads the Markdown with the machine, the mode and what crashed', () => {
    const markdown = formatMarkdown(run);
    expect(markdown).toContain('Test CPU × 2, 23.5 GB RAM');
    expect(markdown).toContain('node: v24.9.0; load average at start 1.5');
    expect(markdown).toContain('short (CI');
    expect(markdown).toContain('**publish crashed:** Error: boom');
    expect(summaryLine(run)).toBe('1 goals met, 1 missed, 1 measure(s) crashed');
  });
});
