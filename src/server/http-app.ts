import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import express, { type Express } from 'express';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { GraphQLContext } from '../../schema/context';
import { unauthenticated } from '../../schema/errors';
import { userByEmail, usersByIds, type UserRow } from '../../projections/user/user.queries';
import type { Crm } from '../app/open-crm';
import { InvalidTokenError, bearerToken, type TokenClaims, type TokenVerifier } from '../auth/tokens';
import type { ImportService } from '../import/job/import-service';
import { isUuid } from '../shared/ids';
import type { RateLimiter } from './rate-limiter';
import { graphiqlRouter } from './graphiql-page';
import { graphQLContextFor } from './graphql-context';
import { refuseNulCharacters } from './nul-characters';
import { requestBodyErrors } from './request-body-errors';
import { withoutCredentials } from './request-log';
import { currentRequestId, requestScope } from './request-scope';
import { uploadsRouter } from './uploads-route';

export interface HttpAppOptions {
  readonly crm: Crm;
  readonly apollo: ApolloServer<GraphQLContext>;
  readonly tokens: TokenVerifier;
  readonly rateLimiter: RateLimiter;
  readonly logger: Logger;
  /** False while starting or shutting down: /readyz answers 503. */
  readonly isReady: () => boolean;
  /** /readyz answers 503 while a projection is more events behind than this. */
  readonly maxReadyLag: number;
  /** Runs import jobs and keeps their uploads (`POST /uploads`); without it imports are refused. */
  readonly imports?: ImportService | null;
}

/** The largest request body accepted on /graphql. */
const MAX_BODY = '1mb';

export function createHttpApp(options: HttpAppOptions): Express {
  const { crm, apollo, tokens, rateLimiter, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'crm_projection_lag',
    help: 'How far each projection is behind the event store head, in positions (events on SQLite and PostgreSQL, log bytes on KurrentDB)',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      for (const { projection, lag } of await crm.lag()) this.set({ projection }, lag);
    },
  });
  const requests = new Counter({
    name: 'crm_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'status'],
    registers: [registry],
  });

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/u.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
      serializers: { req: withoutCredentials },
    }),
  );
  app.use((req, _res, next) => requestScope.run({ requestId: typeof req.id === 'object' ? randomUUID() : String(req.id) }, next));
  app.use((req, res, next) => {
    res.on('finish', () => requests.inc({ route: req.path === '/graphql' ? '/graphql' : 'other', status: String(res.statusCode) }));
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (!options.isReady()) {
      res.status(503).json({ status: 'starting or stopping' });
      return;
    }
    try {
      const projections = await crm.lag();
      const behind = projections.filter((projection) => projection.lag > options.maxReadyLag);
      res.status(behind.length > 0 ? 503 : 200).json({ status: behind.length > 0 ? 'read models behind' : 'ready', projections });
    } catch (error) {
      logger.error({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });

  const imports = options.imports ?? null;
  if (imports) {
    app.use(uploadsRouter({ uploads: imports.uploads, authenticate: (req) => authenticatedUser(req, crm, tokens, rateLimiter), logger }));
  }
  app.use(graphiqlRouter());
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    requestBodyErrors('1 MB'),
    refuseNulCharacters(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          const user = await authenticatedUser(req, crm, tokens, rateLimiter);
          return graphQLContextFor(crm, user, currentRequestId() ?? randomUUID(), imports);
        } catch (error) {
          if (!(error instanceof GraphQLError))
            logger.error({ err: error, requestId: currentRequestId() }, 'could not authenticate the request');
          throw error;
        }
      },
    }),
  );
  return app;
}

/**
 * Authenticates the request (a valid token of an active user: ours by user id, an identity provider's by
 * e-mail) and applies the user's rate limit.
 */
async function authenticatedUser(req: IncomingMessage, crm: Crm, tokens: TokenVerifier, rateLimiter: RateLimiter): Promise<UserRow> {
  const token = bearerToken(req.headers.authorization);
  if (!token) throw unauthenticated('Authentication required: send the header "Authorization: Bearer <token>" (see `crm token`)');
  let claims: TokenClaims;
  try {
    claims = await tokens.verify(token, crm.clock.now());
  } catch (error) {
    throw unauthenticated(error instanceof InvalidTokenError ? error.message : 'The token is not valid');
  }
  const [byId] = isUuid(claims.subject) ? await usersByIds(crm.db, [claims.subject]) : [];
  const user = byId ?? (claims.email ? await userByEmail(crm.db, claims.email) : undefined);
  if (!user) throw unauthenticated('The token names a user that does not exist');
  if (user.state !== 'ACTIVE') throw unauthenticated('The user is deactivated: their tokens are no longer accepted');
  const waitSeconds = rateLimiter.take(user.id);
  if (waitSeconds > 0) {
    throw new GraphQLError(`Too many requests: at most ${rateLimiter.perMinute} a minute; try again in ${waitSeconds} s`, {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds: waitSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(waitSeconds)]]) },
      },
    });
  }
  return user;
}
