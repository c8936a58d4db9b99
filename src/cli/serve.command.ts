import { loadConfig } from '../config';
import { startServer } from '../server/start-server';

/** Runs the server until SIGINT/SIGTERM, then shuts down gracefully. */
export async function serveCommand(): Promise<void> {
  const running = await startServer(loadConfig());
  const stop = (signal: string) => {
    process.stderr.write(`\n${signal}: finishing in-flight requests…\n`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
