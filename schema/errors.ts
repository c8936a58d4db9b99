import { GraphQLError } from 'graphql';
import { InvalidCursorError } from '../projections/pagination';
import { DomainError } from '../src/domain/errors';
import { WrongExpectedVersionError } from '../src/event-store/errors';
import { ProjectionTimeoutError } from '../src/projector/projection-progress';

/** Error codes a client can act on; anything else is masked as INTERNAL_SERVER_ERROR. */
export const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RECORD_INACTIVE',
  'CONTACT_ALREADY_ASSOCIATED',
  'PROJECTION_TIMEOUT',
  'RATE_LIMITED',
  'FORBIDDEN',
  'FEATURE_DISABLED',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** A refusal as a GraphQL error: the message, `extensions.code`, the input field, and the refusal's details. */
export function toClientError(error: unknown): GraphQLError | null {
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, {
      extensions: { code: error.code, ...(error.field === undefined ? {} : { field: error.field }), ...error.details },
    });
  }
  if (error instanceof InvalidCursorError) {
    return new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  }
  if (error instanceof ProjectionTimeoutError) {
    return new GraphQLError(error.message, { extensions: { code: 'PROJECTION_TIMEOUT', position: String(error.position) } });
  }
  if (error instanceof WrongExpectedVersionError) {
    return new GraphQLError('The record kept changing while this change was being made; try again', {
      extensions: { code: 'CONFLICT' },
    });
  }
  return null;
}

export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
