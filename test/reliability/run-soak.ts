import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import type { Figure } from './support/figures';

/**
 * `npm run test:soak`: runs the reliability suite with its long variants (RELIABILITY_SOAK=1: bigger books,
 * thousands of fuzzed inputs, a 60 s load, or SOAK_SECONDS), one suite at a time, then writes the figures the
 * suites recorded into REPORT.md, between its figure markers. Extra arguments go to jest.
 */
const ROOT = join(__dirname, '..', '..');
const REPORT = join(__dirname, 'REPORT.md');
const START = '<!-- soak figures: start -->';
const END = '<!-- soak figures: end -->';

async function main(): Promise<number> {
  const figuresFile = join(tmpdir(), `crm-reliability-figures-${process.pid}.jsonl`);
  rmSync(figuresFile, { force: true });
  const started = Date.now();
  const extra = process.argv.slice(2);
  // File patterns given narrow the run (e.g. `npm run test:soak -- test/reliability/load`); by default, the whole suite.
  const files = extra.some((argument) => !argument.startsWith('-')) ? [] : ['test/reliability'];
  const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...files, '--runInBand', ...extra], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, RELIABILITY_SOAK: '1', RELIABILITY_FIGURES_FILE: figuresFile },
  });
  const figures = existsSync(figuresFile)
    ? readFileSync(figuresFile, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Figure)
    : [];
  rmSync(figuresFile, { force: true });
  await writeFigures(figures, { minutes: (Date.now() - started) / 60_000, passed: jest.status === 0, partial: files.length === 0 });
  return jest.status ?? 1;
}

/**
 * Replaces the figures between the markers. A partial run (files given) replaces only the rows of the scenarios
 * it ran and keeps the others.
 */
async function writeFigures(figures: readonly Figure[], run: { minutes: number; passed: boolean; partial: boolean }): Promise<void> {
  const report = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : `# Reliability report\n\n${START}\n${END}\n`;
  const rerun = new Set(figures.map((figure) => figure.suite));
  const kept = run.partial ? tableRows(report).filter((figure) => !rerun.has(figure.suite)) : [];
  const lines = [
    START,
    `Last soak run${run.partial ? ' (some files)' : ''}: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
      `${run.minutes.toFixed(1)} min, ${run.passed ? 'all suites passed' : 'SOME SUITES FAILED'}.`,
    '',
    '| scenario | database | figures |',
    '| --- | --- | --- |',
    ...[...kept, ...figures].map((figure) => `| ${figure.suite} | ${figure.database} | \`${JSON.stringify(figure.figures)}\` |`),
    END,
  ];
  const start = report.indexOf(START);
  const end = report.indexOf(END);
  const updated =
    start >= 0 && end > start
      ? `${report.slice(0, start)}${lines.join('\n')}${report.slice(end + END.length)}`
      : `${report.trimEnd()}\n\n${lines.join('\n')}\n`;
  // Formatted as `npm run lint` checks it (Prettier aligns the table).
  const options = await prettier.resolveConfig(REPORT);
  writeFileSync(REPORT, await prettier.format(updated, { ...options, filepath: REPORT }));
}

/** The figures already in the report's table. */
function tableRows(report: string): Figure[] {
  const table = report.slice(report.indexOf(START), report.indexOf(END));
  return [...table.matchAll(/^\|\s*(.+?)\s*\|\s*(\S+)\s*\|\s*`(.*)`\s*\|$/gmu)].map(([, suite, database, json]) => ({
    suite: suite!,
    database: database!,
    figures: JSON.parse(json!) as Record<string, unknown>,
  }));
}

void main().then((code) => (process.exitCode = code));
