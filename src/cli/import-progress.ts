import { Presets, SingleBar } from 'cli-progress';
import type { ImportProgress } from '../import/job/import-runner';

/** How often progress is written as a log line when stderr is not a terminal. */
const LOG_EVERY_MS = 5000;

/**
 * Shows an import's progress on stderr: a progress bar with rows per second and the time left when stderr is a
 * terminal, a log line every few seconds (and at each phase change) otherwise.
 */
export class ImportProgressReporter {
  private bar: SingleBar | null = null;
  private phase: ImportProgress['phase'] | null = null;
  private startedAt = 0;
  private loggedAt = 0;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {}

  update(progress: ImportProgress): void {
    const at = this.now();
    if (progress.phase !== this.phase) {
      this.phase = progress.phase;
      this.startedAt = at;
      this.loggedAt = 0;
      this.bar?.stop();
      this.bar = null;
      if (progress.phase === 'IMPORTING' && this.out.isTTY) {
        this.bar = new SingleBar(
          {
            stream: this.out,
            format: 'importing [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}',
            etaBuffer: 50,
            hideCursor: true,
          },
          Presets.shades_classic,
        );
        this.bar.start(progress.totalRows ?? 0, 0, { rate: '0' });
      }
    }
    const seconds = Math.max(0.001, (at - this.startedAt) / 1000);
    const rate = Math.round(progress.rows / seconds);
    if (this.bar) {
      this.bar.update(progress.rows, { rate: rate.toLocaleString('en-US') });
      return;
    }
    const finished = progress.totalRows !== null && progress.rows >= progress.totalRows;
    if (this.loggedAt !== 0 && at - this.loggedAt < LOG_EVERY_MS && !finished) return;
    this.loggedAt = at;
    const of = progress.totalRows === null ? '' : `/${progress.totalRows}`;
    const left =
      progress.totalRows !== null && rate > 0 && progress.phase === 'IMPORTING'
        ? `, about ${Math.ceil((progress.totalRows - progress.rows) / rate)} s left`
        : '';
    this.out.write(`${progress.phase === 'PARSING' ? 'reading' : 'importing'}: ${progress.rows}${of} rows, ${rate} rows/s${left}\n`);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
