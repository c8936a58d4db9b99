import { withCrm, note } from './cli-context';

export async function rebuildCommand(projections: string[]): Promise<void> {
  await withCrm(async (crm) => {
    const started = Date.now();
    const head = await crm.store.headPosition();
    let lastShown = 0;
    await crm.rebuild(projections, ({ projection, position }) => {
      if (position - lastShown >= 100_000 || position === head) {
        note(`${projection}: ${position}/${head} events`);
        lastShown = position;
      }
    });
    note(
      `Rebuilt ${projections.length > 0 ? projections.join(', ') : crm.projector.names.join(', ')} from ${head} events in ${Date.now() - started} ms`,
    );
  });
}
