import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { buildCrmSchema } from '../../schema/build-schema';
import type { GraphQLContext } from '../../schema/context';
import { CLIENT_ERROR_CODES, toClientError } from '../../schema/errors';
import { unwrapResolverError } from '@apollo/server/errors';
import { currentRequestId } from './request-scope';

/**
 * Apollo Server for the CRM schema. Client errors keep their code and field; anything else is logged with
 * the request id and reaches the client only as INTERNAL_SERVER_ERROR with that id, never a stack or SQL.
 * (The id is also in every response's `x-request-id` header.)
 */
export function createGraphQLServer(logger: Logger): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema: buildCrmSchema(),
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskError(formatted, error),
    plugins: [ApolloServerPluginLandingPageDisabled(), errorLogging(logger)],
  });
}

function isClientError(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code);
}

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
