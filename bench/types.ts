/**
 * One row of the bench table: what was measured, against what baseline (measured in the same
 * run), the ratio, the goal and whether it was met. Absolute figures are reported, never asserted.
 */
export interface BenchRow {
  /** Section, e.g. `冷启动` / `cold load`. */
  section: string;
  /** What was measured, e.g. `items bundle: first request`. */
  name: string;
  /** The measured figure with its unit, e.g. `182 ms`, `231 KB`. */
  measured: string;
  /** The baseline figure with its unit, or `—` when the goal is absolute (e.g. a size limit). */
  baseline: string;
  /** measured ÷ baseline (or the figure compared to the goal), rounded for reading. */
  ratio: number | null;
  /** The goal as a person reads it, e.g. `≤ 0.4× unbundled`, `≤ 250 KB`. */
  goal: string;
  pass: boolean;
  /** Why a goal is missed, or anything a reader needs to interpret the figure. */
  note?: string;
}

export interface BenchOptions {
  /** CI mode: smaller data sets, fewer repetitions; same measurements and goals. */
  short: boolean;
  /** Progress and diagnostics go here (stderr), never into the results. */
  log: (line: string) => void;
}

/** Every measure module exports one of these as `measure`. */
export type Measure = (options: BenchOptions) => Promise<BenchRow[]>;
