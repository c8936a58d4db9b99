import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ServerProcess } from '../../support/server-process';
import { TEST_DATA_KEY, TEST_JWT_SECRET } from '../../support/test-secrets';
import { REPOSITORY_ROOT, typescriptChild } from './cached-typescript';

/** A `crm` command running as a child process (from the sources), to be killed mid-way. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  output(): string;
  /** Kills it at once (SIGKILL), as a crash or a power cut would. */
  kill(): Promise<void>;
}

/** The environment every process of one test CRM shares: its database and its secrets. */
export function crmEnv(databaseUrl: string): Record<string, string> {
  return { DATABASE_URL: databaseUrl, JWT_SECRET: TEST_JWT_SECRET, DATA_KEY: TEST_DATA_KEY, RATE_LIMIT_PER_MINUTE: '0' };
}

/** Runs `crm <args>` in a child process, in `cwd` (its data folder). */
export function startCli(args: readonly string[], env: Record<string, string>, cwd: string): CliProcess {
  const typescript = typescriptChild();
  const child = spawn(process.execPath, [...typescript.execArgv, join(REPOSITORY_ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd,
    env: { ...process.env, ...typescript.env, DATA_DIR: cwd, LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** `crm serve` in a child process; resolves once it listens (like test/support/server-process.ts, with cached transpiling). */
export async function startServerChild(env: Record<string, string>, cwd: string, timeoutMs = 60_000): Promise<ServerProcess> {
  const cli = startCli(['serve'], env, cwd);
  const listening = await waitUntil(() => cli.child.exitCode !== null || listeningUrl(cli.output()) !== null, timeoutMs, 20);
  const url = listeningUrl(cli.output());
  if (!listening || url === null) {
    await cli.kill();
    throw new Error(`crm serve did not start:\n${cli.output()}`);
  }
  return {
    child: cli.child,
    pid: cli.child.pid!,
    url,
    stdout: cli.output,
    async stop() {
      if (cli.child.exitCode === null) cli.child.kill('SIGTERM');
      await cli.exited;
    },
    kill: cli.kill,
  };
}

function listeningUrl(output: string): string | null {
  return /"url":"(http:\/\/localhost:\d+\/graphql)".*"msg":"CRM server listening"/u.exec(output)?.[1] ?? null;
}

/** The administrator's token a server printed at its first start. */
export function bannerToken(output: string): string {
  const token = /^(eyJ[\w-]+\.[\w-]+\.[\w-]+)$/mu.exec(output)?.[1];
  if (!token) throw new Error(`No administrator token in:\n${output}`);
  return token;
}

/** Polls `condition` every few milliseconds until it holds; false if `timeoutMs` passes first. */
export async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 5): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}
