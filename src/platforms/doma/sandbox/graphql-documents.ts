import { buildSchema, type DocumentNode, GraphQLError, parse, validate } from 'graphql';
import { DomaErrorCode } from '../contract/doma-errors.js';
import { domaSdl } from '../contract/doma-sdl.js';
import { withJsonVariables } from './fast-variables.js';

/** The schema the sandbox serves: ours, built once. */
export const sandboxSchema = buildSchema(domaSdl);

/** A valid document, and the same with JSON-typed variables (see fast-variables.ts). */
export type PreparedDocument =
  | { document: DocumentNode; fastDocument: DocumentNode }
  | { errors: GraphQLError[] };

const MAX_CACHED = 500;
const cache = new Map<string, PreparedDocument>();

/**
 * A query text parsed and validated against the schema, cached by its text: clients send the same few
 * documents again and again, and validating a large batch's document every time would dominate.
 */
export function prepareDocument(query: string): PreparedDocument {
  const hit = cache.get(query);
  if (hit) return hit;
  let prepared: PreparedDocument;
  try {
    const document = parse(query);
    const errors = validate(sandboxSchema, document);
    prepared = errors.length
      ? { errors: errors.map((e) => withCode(e, DomaErrorCode.graphqlValidationFailed)) }
      : { document, fastDocument: withJsonVariables(document) };
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    prepared = { errors: [withCode(err, DomaErrorCode.graphqlParseFailed)] };
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(query, prepared);
  return prepared;
}

function withCode(err: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(err.message, {
    nodes: err.nodes,
    source: err.source,
    positions: err.positions,
    extensions: { code },
  });
}
