import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** Runners alive in this process (an import service registers its own while it runs). */
const LIVE_IN_THIS_PROCESS = new Set<string>();

/** A job whose runner is on another host is taken as interrupted once it has been silent this long. */
export const FOREIGN_RUNNER_SILENCE_MS = 10 * 60_000;

/** A new runner's name, `host:pid:instance`: the instance tells two runners of one process (or a restarted one) apart. */
export function newRunnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID()}`;
}

export function registerLiveRunner(runner: string): () => void {
  LIVE_IN_THIS_PROCESS.add(runner);
  return () => LIVE_IN_THIS_PROCESS.delete(runner);
}

/**
 * Whether the runner that holds a job may still be running it: one of this process's live runners; a process
 * on this host that still exists (other than this one, whose runners are all known); on another host, one
 * that wrote something about the job recently (`lastActivity`).
 */
export function runnerMayBeAlive(runner: string, lastActivity: Date, now: Date): boolean {
  if (LIVE_IN_THIS_PROCESS.has(runner)) return true;
  const [host, pidText] = runner.split(':');
  const pid = Number(pidText);
  if (host !== hostname()) return now.getTime() - lastActivity.getTime() < FOREIGN_RUNNER_SILENCE_MS;
  if (!Number.isSafeInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
