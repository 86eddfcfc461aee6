import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityKind } from '../../domain/entity-kinds.js';
import type { Organization } from '../../domain/model/organization.js';
import type { RecordResult } from '../../store/record-validation.js';
import { CliError } from '../cli-error.js';
import type { RecordSink } from './record-sink.js';

export interface HttpSinkOptions {
  /** Base URL of a running hub, e.g. http://127.0.0.1:8080. */
  url: string;
  token: string;
  org: string;
  /** Retries of one request after a network error or a 5xx (4xx are never retried). */
  retries?: number;
  /** First backoff; doubled on each retry. */
  retryDelayMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Validate only: the bulk API's `?dryRun=true` answers the same and writes nothing. */
  dryRun?: boolean;
}

interface Answer {
  status: number;
  text: string;
}

/**
 * Sends batches to a running hub as NDJSON — the way to import while `serve` holds the embedded
 * store. Retrying is safe because an upsert of the same records is idempotent (unchanged records
 * are not even written); a 4xx means the request itself is wrong and would fail the same way again,
 * so it ends the import with the hub's own message.
 */
export function httpSink(opts: HttpSinkOptions): RecordSink {
  const base = opts.url.replace(/\/+$/, '');
  const orgPath = `/v1/orgs/${encodeURIComponent(opts.org)}`;
  const retries = opts.retries ?? 3;
  const retryDelayMs = opts.retryDelayMs ?? 500;
  const timeoutMs = opts.timeoutMs ?? 300_000;
  const doFetch = opts.fetch ?? fetch;

  async function request(method: string, path: string, body?: string): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${opts.token}` };
    if (body !== undefined) headers['content-type'] = 'application/x-ndjson';
    for (let attempt = 0; ; attempt++) {
      let answer: Answer | undefined;
      let failure: string;
      try {
        const res = await doFetch(base + path, {
          method,
          headers,
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        answer = { status: res.status, text: await res.text() };
        if (answer.status < 500) return answer;
        failure = `${answer.status} ${hubMessage(answer)}`;
      } catch (err) {
        const cause = (err as { cause?: { message?: string } }).cause?.message;
        failure = cause ? `${(err as Error).message} (${cause})` : (err as Error).message;
      }
      if (attempt >= retries) {
        throw new CliError(`${method} ${base}${path} failed after ${attempt + 1} attempts: ${failure}`);
      }
      await sleep(retryDelayMs * 2 ** attempt);
    }
  }

  function refuse(a: Answer): never {
    const message = hubMessage(a);
    if (a.status === 401)
      throw new CliError(`the hub refused the token: ${message}; check --token / ZHKH_TOKEN`);
    if (a.status === 404 && /org_not_found/.test(a.text)) {
      throw new CliError(
        `organization "${opts.org}" does not exist on ${base}; create it first (POST /v1/orgs with an admin token), or check --org`,
      );
    }
    if (a.status === 413) throw new CliError(`the hub refused a batch: ${message}; lower --batch`);
    throw new CliError(`the hub answered ${a.status}: ${message}`);
  }

  return {
    where: base,
    async checkOrg() {
      const a = await request('GET', orgPath);
      if (a.status !== 200) refuse(a);
      return (JSON.parse(a.text) as { data: Organization }).data;
    },
    async send(
      kind: EntityKind,
      records: readonly unknown[],
      how: { merge?: boolean } = {},
    ): Promise<RecordResult[]> {
      const body = records.map((r) => JSON.stringify(r)).join('\n');
      const params = [opts.dryRun && 'dryRun=true', how.merge && 'merge=true'].filter(Boolean);
      const query = params.length ? `?${params.join('&')}` : '';
      const a = await request('POST', `${orgPath}/${kind.plural}${query}`, body);
      if (a.status !== 200) refuse(a);
      const results = (JSON.parse(a.text) as { results?: RecordResult[] }).results;
      if (!Array.isArray(results) || results.length !== records.length) {
        throw new CliError(
          `the hub answered ${results?.length ?? 'no'} results for ${records.length} ${kind.plural}`,
        );
      }
      return results;
    },
  };
}

function hubMessage(a: Answer): string {
  try {
    const body = JSON.parse(a.text) as { error?: string; message?: string };
    return [body.error, body.message].filter(Boolean).join(': ') || a.text.slice(0, 200);
  } catch {
    return a.text.slice(0, 200) || '(empty answer)';
  }
}
