import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { JSONWebKeySet } from 'jose';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createAddressProvider } from '../addresses/create-address-provider';
import { ensureAdministrator } from '../app/bootstrap';
import { openCrm, type Crm, type CrmOptions } from '../app/open-crm';
import { issueToken, tokenVerifier, type KeySetOptions } from '../auth/tokens';
import { RateLimiter } from './rate-limiter';
import type { Config } from '../config';
import { loadImportConfig } from '../import/import.config';
import { ImportService } from '../import/job/import-service';
import { UploadStore } from '../import/uploads/upload-store';
import { createGraphQLServer } from './graphql-server';
import { createHttpApp } from './http-app';

/** How long in-flight requests get to finish on shutdown. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  readonly url: string;
  readonly crm: Crm;
  readonly server: Server;
  /** The import jobs this server runs (their uploads, their completion). */
  readonly imports: ImportService;
  /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
  /** Extra options for the CRM (tests count statements with `onReadQuery`). */
  readonly crm?: Partial<CrmOptions>;
  /** Where the first-start banner goes (stdout by default). */
  readonly announce?: (text: string) => void;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const announce = options.announce ?? ((text: string) => process.stdout.write(text));
  const crm = await openCrm({
    logger,
    addressProvider: createAddressProvider(config.addresses, logger),
    ...options.crm,
    databaseUrl: config.databaseUrl,
    eventStoreUrl: config.eventStoreUrl,
    dataKey: config.dataKey,
    readYourWritesTimeoutMs: config.readYourWritesTimeoutMs,
    onProgress: ({ projection, position, head }) => {
      if (position === head || position % 50_000 === 0) logger.info({ projection, position, head }, 'projecting events');
    },
  });
  const importConfig = config.imports ?? loadImportConfig({}, config.dataDir);
  const imports = new ImportService(crm, { uploads: new UploadStore(importConfig.uploadsDir, importConfig.uploadMaxBytes), logger });
  let ready = false;
  const apollo = createGraphQLServer(logger, { introspection: config.introspection, production: config.production });
  await apollo.start();
  const app = createHttpApp({
    crm,
    apollo,
    tokens: tokenVerifier(config.jwtSecret, keySetOf(config)),
    rateLimiter: new RateLimiter(config.rateLimitPerMinute),
    logger,
    isReady: () => ready,
    maxReadyLag: config.maxReadyLag,
    imports,
  });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;

  const adminId = await ensureAdministrator(crm, config.adminEmail);
  if (adminId) {
    const token = await issueToken(config.jwtSecret, adminId);
    announce(
      [
        '',
        `First start: registered the administrator ${config.adminEmail}.`,
        `Token (valid 30 days; \`npm run --silent crm -- token --user ${config.adminEmail}\` issues new ones):`,
        '',
        token,
        '',
        `Send it as "Authorization: Bearer <token>". GraphQL and the IDE: ${url}`,
        '',
      ].join('\n'),
    );
  }
  // Jobs a crash or a restart interrupted: FAILED, with counts matching what they committed (they can be run again).
  const interrupted = await imports.failInterrupted();
  if (interrupted.length > 0) logger.warn({ jobs: interrupted }, 'marked interrupted import jobs FAILED');
  ready = true;
  logger.info({ url, database: config.databaseUrl.replace(/\/\/[^@]*@/u, '//…@') }, 'CRM server listening');

  let stopping: Promise<void> | null = null;
  return {
    url,
    crm,
    server,
    imports,
    stop() {
      stopping ??= (async () => {
        ready = false;
        await new Promise<void>((resolve) => {
          // In-flight requests finish; connections still busy after the grace period are cut.
          const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
          // Keep-alive connections become idle as their last response is sent: close them as they do.
          const sweep = setInterval(() => server.closeIdleConnections(), 50);
          server.close(() => {
            clearTimeout(force);
            clearInterval(sweep);
            resolve();
          });
          server.closeIdleConnections();
        });
        await apollo.stop();
        await imports.stop();
        await crm.close();
        logger.info('CRM server stopped');
      })();
      return stopping;
    },
  };
}

/** The identity provider's key set, when one is configured (JWT_JWKS_FILE or JWT_JWKS_URL). */
function keySetOf(config: Config): KeySetOptions | null {
  if (!config.jwks) return null;
  const { file, url, issuer, audience } = config.jwks;
  const keys = file ? (JSON.parse(readFileSync(file, 'utf8')) as JSONWebKeySet) : new URL(url!);
  return { keys, ...(issuer ? { issuer } : {}), ...(audience ? { audience } : {}) };
}
