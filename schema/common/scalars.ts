import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';

/** Instants: parsed from RFC 3339 (any offset), always answered in UTC with milliseconds. */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  name: 'DateTime',
  description: 'An instant, ISO-8601 in UTC, e.g. 2026-03-01T09:30:00.000Z',
});

export const JSONScalar = new GraphQLScalarType({ ...GraphQLJSON.toConfig(), name: 'JSON', description: 'Any JSON value' });

const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/u;

function parseDecimal(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string') {
    throw new GraphQLError('Decimal must be a string such as "1250.00" (numbers with decimals lose precision in JSON)', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const text = value.trim();
  if (!DECIMAL.test(text) || text.length > 40) {
    throw new GraphQLError(`"${text.slice(0, 40)}" is not a decimal such as "1250.00"`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return text;
}

/** Exact amounts as strings: never passed through a floating-point number. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal amount, as a string: "1250.00" ',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parseDecimal(ast.kind === Kind.INT ? ast.value : ast.value);
    throw new GraphQLError('Decimal must be a string such as "1250.00"', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
