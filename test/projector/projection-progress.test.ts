import { ProjectionProgress, ProjectionProgressClosedError, ProjectionTimeoutError } from '../../src/projector/projection-progress';

const at = (position: number) => ({ txId: '0', position });

describe('ProjectionProgress', () => {
  const stored = () => Promise.resolve(new Map([['contacts', at(1)]]));

  it('answers a waiter once every projection has applied its change', async () => {
    const progress = new ProjectionProgress(['contacts', 'accounts'], stored);
    const waiting = progress.waitFor(at(5), 10_000);
    progress.update('contacts', at(5));
    progress.update('accounts', at(7));
    await expect(waiting).resolves.toBeUndefined();
    progress.close();
  });

  it('refuses a waiter whose change is not projected in time', async () => {
    const progress = new ProjectionProgress(['contacts'], stored);
    await expect(progress.waitFor(at(5), 20)).rejects.toBeInstanceOf(ProjectionTimeoutError);
    progress.close();
  });

  it('answers whoever still waits when it closes, instead of leaving them until their timeout', async () => {
    const progress = new ProjectionProgress(['contacts'], stored);
    const waiting = progress.waitFor(at(5), 60_000);
    progress.close();
    await expect(waiting).rejects.toBeInstanceOf(ProjectionProgressClosedError);
    await expect(progress.waitFor(at(6), 60_000)).rejects.toThrow(/shut down before its read models showed it/u);
    // A change already projected needs no waiting, closed or not.
    progress.update('contacts', at(9));
    await expect(progress.waitFor(at(9), 60_000)).resolves.toBeUndefined();
  });
});
