import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the local server answers one request. */
export interface LocalAnswer {
  readonly status?: number;
  readonly body: unknown;
  /** Waits this long before answering (to trip a client's time limit). */
  readonly delayMs?: number;
}

export interface LocalJsonServer {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: URL[];
  close(): Promise<void>;
}

/**
 * A stand-in for an online provider on 127.0.0.1 (a free port): answers every request with JSON, as `answer`
 * says. Tests never reach the real services.
 */
export async function startLocalJsonServer(answer: (url: URL) => LocalAnswer): Promise<LocalJsonServer> {
  const requests: URL[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    const { status = 200, body, delayMs = 0 } = answer(url);
    const send = () => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (delayMs === 0) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
