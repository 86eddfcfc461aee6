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
  getNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { domaSdl } from '../../../../src/platforms/doma/contract/doma-sdl.js';
import { sharedFile } from '../shared-reference.js';

const realSchemaFile = sharedFile('reference', 'doma', 'condo-schema.graphql');

/** Every root field (operation) a schema declares. */
function operationsOf(schema: GraphQLSchema): Array<GraphQLField<unknown, unknown>> {
  return [schema.getQueryType(), schema.getMutationType()].flatMap((t) =>
    Object.values(t?.getFields() ?? {}),
  );
}

/** The input and enum types reachable from the operations' arguments, transitively. */
function reachableInputs(
  schema: GraphQLSchema,
  operations: readonly string[],
): Map<string, GraphQLNamedType> {
  const out = new Map<string, GraphQLNamedType>();
  const visit = (type: GraphQLNamedType) => {
    if (out.has(type.name)) return;
    if (type instanceof GraphQLEnumType) out.set(type.name, type);
    if (!(type instanceof GraphQLInputObjectType)) return;
    out.set(type.name, type);
    for (const f of Object.values(type.getFields())) visit(getNamedType(f.type));
  };
  for (const name of operations) {
    const op = schema.getQueryType()?.getFields()[name] ?? schema.getMutationType()?.getFields()[name];
    for (const arg of op?.args ?? []) visit(getNamedType(arg.type));
  }
  return out;
}

const shape = (type: GraphQLNamedType | undefined): Record<string, string> => {
  if (type instanceof GraphQLEnumType)
    return Object.fromEntries(type.getValues().map((v) => [v.name, 'value']));
  if (type instanceof GraphQLInputObjectType)
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, String(f.type)]));
  return {};
};

/** Where two shapes differ: `Type.field: ours vs theirs` (absent on one side = "-"). */
function shapeDiff(name: string, ours: Record<string, string>, theirs: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  return [...keys]
    .filter((k) => ours[k] !== theirs[k])
    .map((k) => `${name}.${k}: ${ours[k] ?? '-'} vs ${theirs[k] ?? '-'}`);
}

/**
 * Every way our operations' inputs disagree with the platform's: an operation's arguments, the set of
 * input and enum types they reach, and each such type field for field (or value for value) — equality,
 * not inclusion: what the platform accepts, the sandbox must accept.
 */
function inputDisagreements(ours: GraphQLSchema, real: GraphQLSchema): string[] {
  const out: string[] = [];
  const names = operationsOf(ours).map((op) => op.name);
  for (const op of operationsOf(ours)) {
    const theirs = real.getQueryType()?.getFields()[op.name] ?? real.getMutationType()?.getFields()[op.name];
    if (!theirs) {
      out.push(`${op.name}: no such operation`);
      continue;
    }
    const args = (a: typeof op.args) => Object.fromEntries(a.map((x) => [x.name, String(x.type)]));
    out.push(...shapeDiff(`${op.name}()`, args(op.args), args(theirs.args)));
    if (String(op.type) !== String(theirs.type)) out.push(`${op.name}: returns ${op.type} vs ${theirs.type}`);
  }
  const mine = reachableInputs(ours, names);
  const theirs = reachableInputs(real, names);
  for (const name of new Set([...mine.keys(), ...theirs.keys()])) {
    const a = mine.get(name);
    const b = theirs.get(name);
    if (!a || !b) out.push(`${name}: ${a ? 'only ours' : 'missing'}`);
    else if (a.constructor !== b.constructor) out.push(`${name}: kind differs`);
    else out.push(...shapeDiff(name, shape(a), shape(b)));
  }
  return out;
}

/** Our output types are a subset: each type, field and argument we declare exists there alike. */
function outputDisagreements(ours: GraphQLSchema, real: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(ours.getTypeMap())) {
    if (
      type.name.startsWith('__') ||
      !(type instanceof GraphQLObjectType || type instanceof GraphQLScalarType)
    )
      continue;
    if (type.name === 'Query' || type.name === 'Mutation') continue;
    const other = real.getType(type.name);
    if (!other || other.constructor !== type.constructor) {
      out.push(`${type.name}: no such ${type instanceof GraphQLScalarType ? 'scalar' : 'type'}`);
      continue;
    }
    if (!(type instanceof GraphQLObjectType) || !(other instanceof GraphQLObjectType)) continue;
    const theirs = other.getFields() as Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>;
    for (const field of Object.values(type.getFields())) {
      const match = theirs[field.name];
      if (!match) out.push(`${type.name}.${field.name}: no such field`);
      else if (String(field.type) !== String(match.type))
        out.push(`${type.name}.${field.name}: ${field.type} vs ${match.type}`);
    }
  }
  return out;
}

describe('our Doma.ai SDL', () => {
  it('builds', () => {
    expect(() => buildSchema(domaSdl)).not.toThrow();
  });

  it('a missing, an extra and a changed input field are all reported (the comparison can fail)', () => {
    const real = buildSchema(`
      type Query { allPayments(where: PaymentWhereInput, first: Int): [Payment] }
      type Payment { id: ID! }
      input PaymentWhereInput { amount_gte: String status: PaymentStatusType }
      enum PaymentStatusType { DONE WITHDRAWN }`);
    const ours = buildSchema(`
      type Query { allPayments(where: PaymentWhereInput, first: String): [Payment] }
      type Payment { id: ID! }
      input PaymentWhereInput { status: PaymentStatusType id: ID }
      enum PaymentStatusType { DONE }`);
    expect(inputDisagreements(ours, real).sort()).toEqual(
      [
        'allPayments().first: String vs Int',
        'PaymentWhereInput.amount_gte: - vs String',
        'PaymentWhereInput.id: ID vs -',
        'PaymentStatusType.WITHDRAWN: - vs value',
      ].sort(),
    );
  });
});

describe.skipIf(!realSchemaFile)('our Doma.ai SDL against condo-schema.graphql', () => {
  if (!realSchemaFile) console.warn('condo-schema.graphql not found under ../shared/reference/doma: skipped');
  const real = realSchemaFile ? buildSchema(readFileSync(realSchemaFile, 'utf8')) : undefined;
  const ours = buildSchema(domaSdl);

  it('every input and enum type our operations reach equals the platform’s, field for field', () => {
    expect(inputDisagreements(ours, real as GraphQLSchema)).toEqual([]);
  });

  it('reaches the whole closure: hundreds of types, not a hand-picked few', () => {
    const names = operationsOf(ours).map((op) => op.name);
    expect(reachableInputs(real as GraphQLSchema, names).size).toBeGreaterThan(200);
  });

  it('every output type and field we declare exists in the platform’s schema alike', () => {
    expect(outputDisagreements(ours, real as GraphQLSchema)).toEqual([]);
  });
});
