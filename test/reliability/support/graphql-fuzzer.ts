import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** Ids the fuzzer may aim at: records that exist, so that some hostile requests reach the deciders. */
export interface IdPool {
  ids(): readonly string[];
}

const ONE_MB = 1024 * 1024;

/** Strings people and attackers send: blanks, control characters, emoji, scripts, injections, lone surrogates, huge ones. */
const HOSTILE_STRINGS: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('Acme', 'Zoë Ørsted-Łukasiewicz', 'Sales', 'ACC-1', 'anna@example.com', 'https://example.com'), weight: 6 },
  { arbitrary: fc.constantFrom('', ' ', '   \t\n  ', '\u00a0\u2003'), weight: 3 },
  { arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\u0007\u001b[31mred', '\r\n\r\n', '\u202eevil\u202c', '\ufeffbom'), weight: 2 },
  { arbitrary: fc.constantFrom('😀', '👩‍👩‍👧‍👦'.repeat(50), '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'ﷺ', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇'), weight: 2 },
  {
    arbitrary: fc.constantFrom("'; drop table events; --", '<script>alert(1)</script>', '${jndi:ldap://x}', '%s%s%n', '../../etc/passwd'),
    weight: 2,
  },
  { arbitrary: fc.constantFrom('\ud800', 'x\udfffy'), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.nat({ max: 100_000 }).map((length) => 'x'.repeat(length)), weight: 1 },
  // Over the 1 MB body limit: the body parser refuses it (413) before GraphQL sees it.
  { arbitrary: fc.constant('y'.repeat(ONE_MB)), weight: 1 },
);

const HOSTILE_INTS: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, -(2 ** 63), 1e20, 0.5),
  fc.integer(),
);

const HOSTILE_FLOATS: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1.5, -1, 1e308, -1e308, 5e-324, 90.0000001, -180.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const HOSTILE_DATES: fc.Arbitrary<unknown> = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('2024-02-30T00:00:00Z', '2024-13-01', '9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00Z', 'yesterday', '', 1_700_000_000),
);

const HOSTILE_DECIMALS: fc.Arbitrary<unknown> = fc.constantFrom(
  '0',
  '12.50',
  '-1',
  '1e309',
  '0.000000000000000000001',
  '99999999999999999999999999999.99',
  'abc',
  '',
  ' 12 ',
  12.5,
  -0,
);

function hostileIds(pool: IdPool): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(null).chain(() => (pool.ids().length > 0 ? fc.constantFrom(...pool.ids()) : fc.uuid())), weight: 6 },
    { arbitrary: fc.uuid(), weight: 2 },
    {
      arbitrary: fc.constantFrom('', ' ', 'not-an-id', '0', '-1', '00000000-0000-0000-0000-000000000000', 'QWNjb3VudDox', '😀'),
      weight: 2,
    },
    { arbitrary: HOSTILE_STRINGS, weight: 1 },
  );
}

function scalarValue(name: string, fieldName: string, pool: IdPool): fc.Arbitrary<unknown> {
  if (name === 'ID' || (name === 'String' && /(^id|Id|Ids)$/u.test(fieldName))) return hostileIds(pool);
  switch (name) {
    case 'String':
      return HOSTILE_STRINGS;
    case 'Int':
      return HOSTILE_INTS;
    case 'Float':
      return HOSTILE_FLOATS;
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
    case 'Date':
      return HOSTILE_DATES;
    case 'Decimal':
      return HOSTILE_DECIMALS;
    case 'JSON':
      return fc.jsonValue({ maxDepth: 3 });
    default:
      return fc.oneof(HOSTILE_STRINGS, HOSTILE_INTS);
  }
}

/** Values for one GraphQL input type: nulls only where the type allows them, every shape the type admits. */
export function inputValue(type: GraphQLInputType, fieldName: string, pool: IdPool, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return nonNullValue(type.ofType, fieldName, pool, depth);
  return fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: nonNullValue(type, fieldName, pool, depth), weight: 4 });
}

function nonNullValue(type: GraphQLInputType, fieldName: string, pool: IdPool, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = inputValue(type.ofType, fieldName, pool, depth + 1);
    return fc.oneof(
      { arbitrary: fc.array(item, { maxLength: 4 }), weight: 6 },
      { arbitrary: fc.array(item, { minLength: 200, maxLength: 300 }), weight: 1 },
    );
  }
  if (isEnumType(type)) {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)), weight: 6 },
      { arbitrary: fc.constantFrom('NOT_A_VALUE', '', 'account'), weight: 1 },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const required = fields.filter((field) => isNonNullType(field.type) && field.defaultValue === undefined).map((field) => field.name);
    return fc.record(Object.fromEntries(fields.map((field) => [field.name, inputValue(field.type, field.name, pool, depth + 1)])), {
      requiredKeys: required,
    });
  }
  if (isScalarType(type)) return scalarValue(type.name, fieldName, pool);
  throw new Error(`Unexpected input type ${String(type)}`);
}

/** One request the fuzzer sends: the mutation's document and its variables. */
export interface FuzzedRequest {
  readonly mutation: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** Requests for one mutation of the schema: every argument a variable of its declared type, the answer's `__typename`. */
export function mutationRequests(field: GraphQLField<unknown, unknown>, pool: IdPool): fc.Arbitrary<FuzzedRequest> {
  const declarations = field.args.map((arg, index) => `$a${index}: ${String(arg.type)}`);
  const uses = field.args.map((arg, index) => `${arg.name}: $a${index}`);
  const selection = isScalarType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `mutation Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}${
    uses.length ? `(${uses.join(', ')})` : ''
  }${selection} }`;
  const variables = fc.record(Object.fromEntries(field.args.map((arg, index) => [`a${index}`, inputValue(arg.type, arg.name, pool)])), {
    requiredKeys: field.args.flatMap((arg, index) => (isNonNullType(arg.type) ? [`a${index}`] : [])),
  });
  return variables.map((values) => ({ mutation: field.name, query, variables: values }));
}

/** Every mutation of the schema, by name. */
export function mutationsOf(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {});
}
