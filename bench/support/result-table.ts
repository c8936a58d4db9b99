/** A measured figure: a value and its unit (`cmd/s`, `ms`, `statements` …). */
export interface Figure {
  readonly value: number;
  readonly unit: string;
}

/** One condition a row must meet; `ratio` is ours ÷ baseline (null without a baseline). */
export interface Check {
  readonly text: string;
  readonly test: (ours: number, ratio: number | null) => boolean;
}

export interface ResultRow {
  readonly workload: string;
  /** Null when our side could not run (the reason goes in `skipped`). */
  readonly ours: Figure | null;
  readonly baseline?: Figure | null;
  /** Every check must hold for the row to meet its target; none means the row is informative only. */
  readonly target?: readonly Check[];
  /** Why the row (or its baseline) was not measured. */
  readonly skipped?: string;
}

/** What one benchmark prints: a title, the baseline it is compared with, its rows and notes. */
export interface ResultTable {
  readonly title: string;
  readonly baseline: string;
  readonly rows: readonly ResultRow[];
  readonly notes: readonly string[];
}

export function atLeast(min: number, unit: string): Check {
  return { text: `≥ ${formatNumber(min)} ${unit}`, test: (ours) => ours >= min };
}

export function ratioAtLeast(min: number, text = `ratio ≥ ${formatNumber(min)}`): Check {
  return { text, test: (_ours, ratio) => ratio !== null && ratio >= min };
}

export function ratioAtMost(max: number, text = `ratio ≤ ${formatNumber(max)}`): Check {
  return { text, test: (_ours, ratio) => ratio !== null && ratio <= max };
}

/** Ours ÷ baseline, or null when either side is missing or the baseline is zero. */
export function ratioOf(row: ResultRow): number | null {
  if (!row.ours || !row.baseline || row.baseline.value === 0) return null;
  return row.ours.value / row.baseline.value;
}

/** Whether a row met its target: null when it has none or was not measured. */
export function metTarget(row: ResultRow): boolean | null {
  if (!row.target || row.target.length === 0 || !row.ours) return null;
  const ratio = ratioOf(row);
  return row.target.every((check) => check.test(row.ours!.value, ratio));
}

const HEADER = ['workload', 'ours', 'baseline', 'ratio', 'target', 'met?'] as const;

/** Renders the table as Markdown (so a run's output can be pasted into RESULTS.md as it is). */
export function formatTable(table: ResultTable): string {
  const cells = table.rows.map((row) => {
    const ratio = ratioOf(row);
    const met = metTarget(row);
    return [
      row.workload,
      row.ours ? formatFigure(row.ours) : 'skipped',
      row.baseline ? formatFigure(row.baseline) : row.skipped ? 'skipped' : '—',
      ratio === null ? '—' : formatRatio(ratio),
      row.target && row.target.length > 0 ? row.target.map((check) => check.text).join(' and ') : '—',
      row.skipped ? 'skipped' : met === null ? '—' : met ? 'yes' : 'NO',
    ];
  });
  const widths = HEADER.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const notes = new Set([
    `Baseline: ${table.baseline}. Ratio = ours ÷ baseline.`,
    ...table.rows.flatMap((row) => row.skipped ?? []),
    ...table.notes,
  ]);
  return [
    `### ${table.title}`,
    '',
    line(HEADER),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
    '',
    ...[...notes].map((note) => `- ${note}`),
    '',
  ].join('\n');
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(ratio >= 10 ? 1 : 2)}×`;
}

export function formatFigure(figure: Figure): string {
  return `${formatNumber(figure.value)} ${figure.unit}`;
}

/** Thousands separated; two decimals below 10, one below 100, none above. */
export function formatNumber(value: number): string {
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
