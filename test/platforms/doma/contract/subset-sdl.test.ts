import { readFileSync } from 'node:fs';
import {
  buildSchema,
  GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputField,
  GraphQLInputObjectType,
  type GraphQLNamedType,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { domaSubsetSdl } from '../../../../src/platforms/doma/contract/doma-subset-sdl.js';
import { sharedFile } from '../shared-reference.js';

const realSchemaFile = sharedFile('reference', 'doma', 'condo-schema.graphql');

/** Every way our SDL disagrees with the real one: types, fields, arguments, enum values, kinds. */
function disagreements(ours: GraphQLSchema, real: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(ours.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const other = real.getType(type.name);
    if (!other) {
      out.push(`${type.name}: no such type`);
      continue;
    }
    if (type.constructor !== other.constructor) {
      out.push(`${type.name}: kind differs`);
      continue;
    }
    out.push(...typeDisagreements(type, other));
  }
  return out;
}

function typeDisagreements(type: GraphQLNamedType, other: GraphQLNamedType): string[] {
  const out: string[] = [];
  if (type instanceof GraphQLEnumType && other instanceof GraphQLEnumType) {
    const values = new Set(other.getValues().map((v) => v.name));
    for (const v of type.getValues())
      if (!values.has(v.name)) out.push(`${type.name}.${v.name}: no such value`);
  }
  if (
    (type instanceof GraphQLObjectType && other instanceof GraphQLObjectType) ||
    (type instanceof GraphQLInputObjectType && other instanceof GraphQLInputObjectType)
  ) {
    const theirs = other.getFields() as Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>;
    for (const field of Object.values(type.getFields()) as Array<
      GraphQLField<unknown, unknown> | GraphQLInputField
    >) {
      const match = theirs[field.name];
      const where = `${type.name}.${field.name}`;
      if (!match) {
        out.push(`${where}: no such field`);
        continue;
      }
      if (String(field.type) !== String(match.type)) out.push(`${where}: ${field.type} vs ${match.type}`);
      if ('args' in field && 'args' in match) {
        for (const arg of field.args) {
          const theirArg = match.args.find((a) => a.name === arg.name);
          if (!theirArg) out.push(`${where}(${arg.name}): no such argument`);
          else if (String(arg.type) !== String(theirArg.type))
            out.push(`${where}(${arg.name}): ${arg.type} vs ${theirArg.type}`);
        }
      }
    }
  }
  if (type instanceof GraphQLScalarType && !(other instanceof GraphQLScalarType))
    out.push(`${type.name}: not a scalar`);
  return out;
}

describe('our Doma.ai SDL', () => {
  it('builds', () => {
    expect(() => buildSchema(domaSubsetSdl)).not.toThrow();
  });

  it('a changed field type is reported (the comparison can fail)', () => {
    const ours = buildSchema(
      'type Query { allPayments(first: String): [Payment] } type Payment { id: ID! amount: Int }',
    );
    const real = buildSchema(
      'type Query { allPayments(first: Int): [Payment] } type Payment { id: ID! amount: String }',
    );
    expect(disagreements(ours, real)).toEqual([
      'Query.allPayments(first): String vs Int',
      'Payment.amount: Int vs String',
    ]);
  });
});

describe.skipIf(!realSchemaFile)('our Doma.ai SDL against condo-schema.graphql', () => {
  if (!realSchemaFile) console.warn('condo-schema.graphql not found under ../shared/reference/doma: skipped');

  it('agrees type by type, field by field, argument by argument', () => {
    const real = buildSchema(readFileSync(realSchemaFile as string, 'utf8'));
    expect(disagreements(buildSchema(domaSubsetSdl), real)).toEqual([]);
  });
});
