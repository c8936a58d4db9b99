import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A CRM server running as a child process (from the sources), as an operator would run several. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly url: string;
  /** What it printed on stdout (the first-start banner, when it registered the administrator). */
  readonly stdout: () => string;
  /** Stops it gracefully (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
}

export function startServerProcess(env: Record<string, string>, dataDir: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register'), join(ROOT, 'src', 'cli', 'main.ts'), 'serve'], {
    cwd: dataDir,
    env: {
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      // A parallel suite's long transaction on the shared PostgreSQL cluster may pause catch-up for a while.
      READ_YOUR_WRITES_TIMEOUT_MS: '30000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${stdout}\n${stderr}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${stdout}\n${stderr}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = /"url":"(http:\/\/localhost:\d+\/graphql)".*"msg":"CRM server listening"/u.exec(stdout);
      if (!listening) return;
      clearTimeout(timer);
      resolve({
        child,
        pid: child.pid!,
        url: listening[1]!,
        stdout: () => stdout,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
        async kill() {
          if (child.exitCode === null) child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}
