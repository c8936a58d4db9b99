import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { ProjectorProgress } from '../projector/projector';
import { withCrm, note } from './cli-context';

/** Shows a rebuild's progress: one bar per projection in a terminal, a log line every 100,000 events otherwise. */
function progressReporter(): { readonly onProgress: (progress: ProjectorProgress) => void; stop(): void } {
  if (process.stderr.isTTY) {
    const bars = new MultiBar(
      {
        format: ' {projection} |{bar}| {value}/{total} events  {eta_formatted}',
        hideCursor: true,
        clearOnComplete: false,
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    const byProjection = new Map<string, SingleBar>();
    return {
      onProgress({ projection, position, head }) {
        let bar = byProjection.get(projection);
        if (!bar) {
          bar = bars.create(head, 0, { projection: projection.padEnd(22) });
          byProjection.set(projection, bar);
        }
        bar.setTotal(Math.max(head, position));
        bar.update(position);
      },
      stop: () => bars.stop(),
    };
  }
  const shown = new Map<string, number>();
  return {
    onProgress({ projection, position, head }) {
      if (position - (shown.get(projection) ?? 0) >= 100_000 || position >= head) {
        note(`${projection}: ${position}/${head} events`);
        shown.set(projection, position);
      }
    },
    stop: () => undefined,
  };
}

/**
 * `crm rebuild [projection…]`: replays every event into fresh tables while the live ones keep serving (a
 * running server included), then swaps them in at once.
 */
export async function rebuildCommand(projections: string[]): Promise<void> {
  await withCrm(async (crm) => {
    const started = Date.now();
    const head = await crm.store.headPosition();
    const progress = progressReporter();
    try {
      await crm.rebuild(projections, progress.onProgress);
    } finally {
      progress.stop();
    }
    note(
      `Rebuilt ${projections.length > 0 ? projections.join(', ') : crm.projector.names.join(', ')} from ${head} events in ${Date.now() - started} ms`,
    );
  });
}
