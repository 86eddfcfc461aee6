import { execute, getOperationAST } from 'graphql';
import { DomaErrorCode, DomaErrorMessage, DomaErrorType } from '../contract/doma-errors.js';
import { domaLimits } from '../contract/doma-limits.js';
import { DomaRateLimitHeader } from '../contract/rate-limit-headers.js';
import { variablesSize } from '../contract/variables-size.js';
import { type ApiAnswer, requestError } from './api-answer.js';
import type { QuotaState } from './complexity-limiter.js';
import type { DomaRuntime } from './doma-runtime.js';
import { variablesAreCanonical } from './fast-variables.js';
import { formatErrors } from './format-errors.js';
import { prepareDocument, sandboxSchema } from './graphql-documents.js';
import { operationCost } from './operation-cost.js';
import { type RequestContext, rootResolvers } from './resolvers.js';

/** A GraphQL request: the JSON body, or `operations` of a multipart one with its files. */
export interface ApiRequest {
  body: unknown;
  /** Values to put at dotted paths of the operation (multipart files), after the size check. */
  files?: Array<{ path: string; value: unknown }>;
  token: string | undefined;
}

const ANONYMOUS = 'anonymous';

function quotaHeaders(q: QuotaState): Record<string, string> {
  return {
    [DomaRateLimitHeader.limit]: String(q.limit),
    [DomaRateLimitHeader.remaining]: String(q.remaining),
    [DomaRateLimitHeader.used]: String(q.used),
    [DomaRateLimitHeader.reset]: String(q.reset),
  };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object') return;
    node = next as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

/**
 * `POST /admin/api`: the checks the platform makes before execution (query length, variables size,
 * parse and validation, the complexity quota — each HTTP 400 without `data`), then execution against
 * our schema. Rate-limit headers are on every answer.
 */
export function handleApi(rt: DomaRuntime, req: ApiRequest): ApiAnswer {
  const userId = rt.tokens.userOf(req.token);
  const quotaKey = userId ?? ANONYMOUS;
  const fail = (status: number, errors: unknown[]): ApiAnswer => ({
    status,
    headers: quotaHeaders(rt.limiter.peek(quotaKey)),
    body: { errors },
  });
  const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | null;
  if (!body || typeof body !== 'object' || typeof body.query !== 'string') {
    return fail(400, [
      requestError('POST body missing, invalid Content-Type, or JSON object has no keys.', {
        code: DomaErrorCode.badUserInput,
      }),
    ]);
  }
  const query = body.query;
  const variables = (body.variables && typeof body.variables === 'object' ? body.variables : {}) as Record<
    string,
    unknown
  >;
  if (query.length > domaLimits.queryChars) {
    return fail(400, [
      requestError(
        `GraphQL query length limit exceeded. Query size can not be more than ${domaLimits.queryChars} characters`,
        {
          code: DomaErrorCode.payloadTooLarge,
          type: DomaErrorType.rootQueryLengthExceeded,
          messageInterpolation: { queryLength: query.length },
        },
      ),
    ]);
  }
  const size = variablesSize(variables);
  if (size > domaLimits.variablesBytes) {
    return fail(400, [
      requestError(DomaErrorMessage.variablesSizeExceeded, {
        code: DomaErrorCode.payloadTooLarge,
        type: DomaErrorType.variablesSizeExceeded,
        message: DomaErrorMessage.variablesSizeExceeded,
        messageInterpolation: { variablesSize: size },
      }),
    ]);
  }
  const prepared = prepareDocument(query);
  if ('errors' in prepared) return fail(400, formatErrors(prepared.errors));
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const operation = getOperationAST(prepared.document, operationName);
  if (operation) {
    const spent = rt.limiter.spend(quotaKey, operationCost(operation, variables));
    if (!spent.allowed) {
      // Raised before execution like the size limits: HTTP 400 without `data` (NOTES.md).
      return fail(400, [
        requestError('Too many requests: the complexity quota of this hour is spent', {
          code: DomaErrorCode.tooManyRequests,
          type: DomaErrorType.rateLimitExceeded,
          messageInterpolation: { resetTime: new Date(spent.state.reset * 1000).toISOString() },
        }),
      ]);
    }
  }
  const operations = { variables } as Record<string, unknown>;
  for (const f of req.files ?? []) setPath(operations, f.path, f.value);
  const contextValue: RequestContext = { rt, userId };
  const result = execute({
    schema: sandboxSchema,
    document:
      operation && variablesAreCanonical(operation, variables) ? prepared.fastDocument : prepared.document,
    rootValue: rootResolvers,
    contextValue,
    variableValues: variables,
    operationName,
  });
  if (result instanceof Promise) throw new Error('the sandbox resolvers are synchronous');
  const headers = quotaHeaders(rt.limiter.peek(quotaKey));
  if (result.data === undefined) {
    return {
      status: 400,
      headers,
      body: { errors: formatErrors(result.errors ?? [], DomaErrorCode.badUserInput) },
    };
  }
  const answer: Record<string, unknown> = {};
  if (result.errors?.length) answer.errors = formatErrors(result.errors);
  answer.data = result.data;
  return { status: 200, headers, body: answer };
}
