import {
  type DocumentNode,
  GraphQLEnumType,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  Kind,
  type OperationDefinitionNode,
  type TypeNode,
  typeFromAST,
  visit,
} from 'graphql';
import { sandboxSchema } from './graphql-documents.js';

const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);

/**
 * Whether GraphQL's variable coercion would hand this value back unchanged: the right JS types, no
 * unknown or missing required fields, no defaults to fill, no single value to wrap in a list. Strict on
 * purpose: anything else is left to graphql-js, which then answers with its own error messages.
 */
export function isCanonical(type: GraphQLInputType, value: unknown): boolean {
  if (type instanceof GraphQLNonNull)
    return value !== null && value !== undefined && isCanonical(type.ofType, value);
  if (value === null) return true;
  if (type instanceof GraphQLList)
    return Array.isArray(value) && value.every((v) => isCanonical(type.ofType, v));
  if (type instanceof GraphQLInputObjectType) {
    if (typeof value !== 'object' || Array.isArray(value)) return false;
    const fields = type.getFields();
    const obj = value as Record<string, unknown>;
    for (const key in obj) if (!(key in fields) || obj[key] === undefined) return false;
    for (const key in fields) {
      const field = fields[key];
      if (!field) return false;
      const v = obj[key];
      if (v === undefined) {
        if (field.type instanceof GraphQLNonNull || field.defaultValue !== undefined) return false;
      } else if (!isCanonical(field.type, v)) return false;
    }
    return true;
  }
  if (type instanceof GraphQLEnumType)
    return typeof value === 'string' && type.getValue(value)?.value === value;
  if (type instanceof GraphQLScalarType) {
    switch (type.name) {
      case 'String':
      case 'ID':
        return typeof value === 'string';
      case 'Int':
        return Number.isInteger(value) && (value as number) <= INT_MAX && (value as number) >= INT_MIN;
      case 'Float':
        return typeof value === 'number' && Number.isFinite(value);
      case 'Boolean':
        return typeof value === 'boolean';
      default:
        return true;
    }
  }
  return false;
}

/** Whether every variable of the operation is canonical for its declared type. */
export function variablesAreCanonical(
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
): boolean {
  for (const def of op.variableDefinitions ?? []) {
    const type = typeFromAST(sandboxSchema, def.type as never) as GraphQLInputType | undefined;
    if (!type) return false;
    const value = variables[def.variable.name.value];
    if (value === undefined) {
      if (def.type.kind === Kind.NON_NULL_TYPE && !def.defaultValue) return false;
      continue;
    }
    if (!isCanonical(type, value)) return false;
  }
  return true;
}

function asJson(type: TypeNode): TypeNode {
  if (type.kind === Kind.NON_NULL_TYPE) return { ...type, type: asJson(type.type) as never };
  return { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'JSON' }, loc: type.loc };
}

/**
 * The same document with every variable declared as the identity scalar `JSON`: executed only with
 * variables {@link variablesAreCanonical} has checked, it skips graphql-js's per-value coercion, which
 * otherwise dominates a 1000-receipt batch. Arguments still reach the resolvers unchanged.
 */
export function withJsonVariables(document: DocumentNode): DocumentNode {
  return visit(document, {
    VariableDefinition: (node) => ({ ...node, type: asJson(node.type) }),
  });
}
