import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { printCrmSchema } from '../../schema/build-schema';

/**
 * Contract items that open issues will bring, by issue. Anything else the contract promises must be in the
 * schema; a rule that no longer matches a missing item must be removed (the work landed).
 */
const PENDING: readonly { readonly issue: string; readonly items: RegExp }[] = [];

interface FieldShape {
  readonly name: string;
  readonly type: GraphQLType;
  readonly args: readonly { readonly name: string; readonly type: GraphQLType; readonly defaultValue: unknown }[];
}

/** The fields of an object, interface or input type, with their arguments (none for input fields). */
function fieldsOf(type: GraphQLNamedType): Record<string, FieldShape> {
  if (isObjectType(type) || isInterfaceType(type)) return type.getFields();
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields()).map((field) => [field.name, { name: field.name, type: field.type, args: [] }]),
    );
  }
  return {};
}

/** What `contract` promises and `actual` lacks, in the words of shared/tools/contract-diff.mjs. */
function missingItems(contract: GraphQLSchema, actual: GraphQLSchema): string[] {
  const missing: string[] = [];
  const builtIn = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__') || builtIn.has(type.name)) continue;
    const other = actual.getType(type.name);
    if (!other) {
      missing.push(`type ${type.name}`);
      continue;
    }
    if (isEnumType(type)) {
      const values = new Set(isEnumType(other) ? other.getValues().map((value) => value.name) : []);
      for (const value of type.getValues()) if (!values.has(value.name)) missing.push(`enum value ${type.name}.${value.name}`);
    } else if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      const fields = fieldsOf(other);
      for (const field of Object.values(fieldsOf(type))) {
        const got = fields[field.name];
        if (!got) {
          missing.push(`field ${type.name}.${field.name}: ${String(field.type)}`);
          continue;
        }
        if (String(got.type) !== String(field.type))
          missing.push(`field ${type.name}.${field.name} is ${String(got.type)}, contract says ${String(field.type)}`);
        for (const arg of field.args) {
          const gotArg = got.args.find((candidate) => candidate.name === arg.name);
          if (!gotArg) missing.push(`argument ${type.name}.${field.name}(${arg.name}: ${String(arg.type)})`);
          else if (String(gotArg.type) !== String(arg.type))
            missing.push(`argument ${type.name}.${field.name}(${arg.name}) has another type`);
          else if (JSON.stringify(gotArg.defaultValue) !== JSON.stringify(arg.defaultValue)) {
            missing.push(
              `argument ${type.name}.${field.name}(${arg.name}) default is ${JSON.stringify(gotArg.defaultValue)}, contract says ${JSON.stringify(arg.defaultValue)}`,
            );
          }
        }
      }
      if (isObjectType(type)) {
        const interfaces = new Set((isObjectType(other) ? other.getInterfaces() : []).map((item) => item.name));
        for (const item of type.getInterfaces()) if (!interfaces.has(item.name)) missing.push(`${type.name} implements ${item.name}`);
      }
    } else if (isScalarType(type) && !isScalarType(other)) {
      missing.push(`scalar ${type.name}`);
    }
  }
  return missing;
}

describe('the public contract (schema/contract.graphql)', () => {
  const contract = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'contract.graphql'), 'utf8'));
  const missing = missingItems(contract, buildSchema(printCrmSchema()));

  it('is held by the schema, except for what open issues will bring', () => {
    expect(missing.filter((item) => !PENDING.some((rule) => rule.items.test(item)))).toEqual([]);
  });

  it('lists no pending work that has already landed', () => {
    expect(PENDING.filter((rule) => !missing.some((item) => rule.items.test(item))).map((rule) => rule.issue)).toEqual([]);
  });
});
