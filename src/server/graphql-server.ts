import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { buildCrmSchema } from '../../schema/build-schema';
import type { GraphQLContext } from '../../schema/context';
import { CLIENT_ERROR_CODES, toClientError } from '../../schema/errors';
import { unwrapResolverError } from '@apollo/server/errors';
import { noNulCharacterLiterals } from './nul-characters';
import { currentRequestId } from './request-scope';

/**
 * Apollo Server for the CRM schema. Client errors keep their code and field; anything else is logged with
 * the request id and reaches the client only as INTERNAL_SERVER_ERROR with that id, never a stack or SQL.
 * (The id is also in every response's `x-request-id` header.)
 */
export function createGraphQLServer(logger: Logger, options: GraphQLServerOptions = {}): ApolloServer<GraphQLContext> {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.depth, ignoreIntrospection: true },
    maxAliases: { n: LIMITS.aliases },
    maxDirectives: { n: LIMITS.directives },
    costLimit: { maxCost: LIMITS.cost },
    // Apollo's own parser limit answers 400 (armor's plugin answers 500): see parseOptions below.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: options.production ?? false },
  }).protect();
  return new ApolloServer<GraphQLContext>({
    schema: buildCrmSchema(),
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: LIMITS.tokens },
    validationRules: [...armor.validationRules, noNulCharacterLiterals],
    formatError: (formatted, error) => maskError(formatted, error),
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...armor.plugins, errorLogging(logger)],
  });
}

/** What a request may ask for at most; anything larger is refused before it runs. */
export const LIMITS = { depth: 12, aliases: 15, directives: 50, cost: 5000, tokens: 10_000 } as const;

export interface GraphQLServerOptions {
  /** Whether clients may introspect the schema (the IDE needs it). */
  readonly introspection?: boolean;
  /** Production hides field suggestions ("Did you mean …?") from error messages. */
  readonly production?: boolean;
}

function isClientError(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code);
}

/**
 * graphql-js stops coercing variables after 50 invalid values with this error, which has no code: it is about
 * the client's input all the same (found by the reliability fuzzer: it was answered as INTERNAL_SERVER_ERROR).
 */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached. Execution aborted.';

/** A refusal keeps its message, code and field; an error a client cannot act on becomes INTERNAL_SERVER_ERROR. */
export function maskError(formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError {
  const refusal = toClientError(unwrapResolverError(raw));
  if (refusal)
    return {
      message: refusal.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: refusal.extensions,
    };
  const error = formatted;
  if (error.message === VARIABLE_ERROR_LIMIT) return { message: error.message, extensions: { code: 'BAD_USER_INPUT' } };
  if (isClientError(error)) {
    const { stacktrace: _stack, ...extensions } = error.extensions ?? {};
    return { ...error, extensions };
  }
  const requestId = currentRequestId();
  return {
    message: 'Internal server error',
    ...(error.path ? { path: error.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}

function errorLogging(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) continue;
            if (error.message === VARIABLE_ERROR_LIMIT) continue;
            if (toClientError(unwrapResolverError(error))) continue;
            logger.error(
              { err: error.originalError ?? error, path: error.path, operationName, requestId: currentRequestId() },
              'GraphQL request failed',
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}
