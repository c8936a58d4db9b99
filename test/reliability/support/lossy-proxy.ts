import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of a test server that can lose answers, the way a flaky network or an impatient
 * client does. Armed, it forwards the next request with an AbortController and either aborts it when told to
 * (`abortNow`, e.g. once the server is executing it) or lets the server answer and keeps that answer for itself;
 * either way the client's connection is cut and it never sees a response.
 */
export class LossyProxy {
  private server: Server | null = null;
  private armed: 'abort' | 'lose' | null = null;
  private upstream: AbortController | null = null;
  /** The answers the proxy kept from clients (lose mode), in order. */
  readonly lost: string[] = [];

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.forward(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  /** The next request is aborted when `abortNow()` is called (the client's request is then cut). */
  abortNext(): void {
    this.armed = 'abort';
  }

  /** The next request reaches the server and is answered, but the answer never reaches the client. */
  loseNextAnswer(): void {
    this.armed = 'lose';
  }

  /** Aborts the request in flight (the server sees its client go away). */
  abortNow(): void {
    this.upstream?.abort();
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const mode = this.armed;
    this.armed = null;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const controller = new AbortController();
    if (mode === 'abort') this.upstream = controller;
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    try {
      const answer = await fetch(this.target, { method: 'POST', headers, body: Buffer.concat(chunks), signal: controller.signal });
      const text = await answer.text();
      if (mode === 'lose') {
        this.lost.push(text);
        response.socket?.destroy();
        return;
      }
      if (mode === 'abort') {
        // The server answered before the abort came: the client still never sees it.
        response.socket?.destroy();
        return;
      }
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
    } catch {
      response.socket?.destroy();
    } finally {
      if (this.upstream === controller) this.upstream = null;
    }
  }
}
