import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestbed, type Testbed } from '../../src/platforms/testbed/sandbox/start-testbed.js';
import { call, startTestHub, type TestHub } from '../support/test-hub.js';
import { storeKinds } from '../support/test-stores.js';

const root = join(import.meta.dirname, '../..');
const METRICS_TOKEN = 'metrics-only-token-for-the-suite';

interface Rule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** PromQL words the rules may use besides metric names. */
const PROMQL_WORDS = new Set([
  'sum',
  'max',
  'min',
  'avg',
  'count',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'and',
  'or',
  'unless',
  'bool',
  'time',
  'increase',
  'rate',
  'delta',
  'deriv',
  'absent',
  'changes',
  'max_over_time',
  'min_over_time',
  'humanizeDuration',
]);

/** What an expression uses: metric names, label matchers and the labels it groups or matches on. */
function analyse(expr: string) {
  const matchers: Array<{ metric: string; label: string; op: string; value: string }> = [];
  const metrics = new Set<string>();
  const grouping = new Set<string>();
  const words: string[] = [];
  // Selectors: metric{label op "value", …}
  for (const m of expr.matchAll(/([a-zA-Z_:][\w:]*)\s*\{([^}]*)\}/g)) {
    for (const lm of m[2]!.matchAll(/(\w+)\s*(=~|!~|!=|=)\s*"([^"]*)"/g))
      matchers.push({ metric: m[1]!, label: lm[1]!, op: lm[2]!, value: lm[3]! });
  }
  for (const g of expr.matchAll(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g))
    for (const l of g[1]!.split(',')) if (l.trim()) grouping.add(l.trim());
  // Identifiers outside label matchers, grouping lists and range/offset durations.
  const bare = expr
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\boffset\s+\d+[smhdwy]/g, ' ');
  for (const w of bare.matchAll(/[a-zA-Z_:][\w:]*/g)) words.push(w[0]);
  for (const w of words) if (w.startsWith('zhkh_')) metrics.add(w);
  return { metrics, matchers, grouping, words };
}

/** A Prometheus text exposition → metric name → its samples' label sets. */
function parseExposition(text: string): Map<string, Array<Record<string, string>>> {
  const out = new Map<string, Array<Record<string, string>>>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+\S+$/.exec(line);
    if (!m) throw new Error(`unreadable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    const list = out.get(m[1]!) ?? [];
    list.push(labels);
    out.set(m[1]!, list);
  }
  return out;
}

const rules: Rule[] = (
  parse(readFileSync(join(root, 'docs/alerts.yml'), 'utf8')) as { groups: Array<{ rules: Rule[] }> }
).groups.flatMap((g) => g.rules);

describe('docs/alerts.yml', () => {
  it('is a Prometheus rule file whose rules name a severity, a summary and only known words', () => {
    expect(rules.map((r) => r.alert)).toEqual([
      'ZhkhConnectionNoSuccessfulRun',
      'ZhkhRecordErrorsGrowing',
      'ZhkhDeadLetters',
      'ZhkhRunsFailing',
    ]);
    for (const r of rules) {
      expect(r.expr, r.alert).toBeTypeOf('string');
      expect(r.for, r.alert).toMatch(/^\d+[smh]$/);
      expect(['warning', 'critical'], r.alert).toContain(r.labels.severity);
      expect(r.annotations.summary, r.alert).toBeTruthy();
      const { words } = analyse(r.expr);
      const unknown = words.filter((w) => !w.startsWith('zhkh_') && !PROMQL_WORDS.has(w));
      expect(unknown, r.alert).toEqual([]);
    }
  });
});

/** Polls a run until it is final. */
async function finished(hub: TestHub, org: string, id: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await call(hub, 'GET', `/v1/orgs/${org}/runs/${id}`);
    if (['succeeded', 'partial', 'failed', 'cancelled'].includes(r.body.state)) return r.body;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${r.body.state}`);
    await sleep(100);
  }
}

describe.each(storeKinds)('alerts against a scraped /metrics on %s', (kind) => {
  let hub: TestHub;
  let testbed: Testbed;
  let scrape: Map<string, Array<Record<string, string>>>;

  beforeAll(async () => {
    testbed = await startTestbed();
    hub = await startTestHub(kind, { orgs: ['uk-alerts'], engine: true, metricsToken: METRICS_TOKEN });
    const created = await call(hub, 'POST', '/v1/orgs/uk-alerts/connections', {
      json: {
        platform: 'testbed',
        name: 'tb-main',
        settings: {
          baseUrl: testbed.url,
          sync: {
            schedule: '*/15 * * * *',
            retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2000 },
          },
        },
        credentials: { user: testbed.user, password: testbed.password },
      },
    });
    expect(created.status, created.text).toBe(200);
    const sync = async () => {
      const r = await call(hub, 'POST', '/v1/orgs/uk-alerts/sync', {
        json: { connection: 'tb-main', direction: 'outbound', kinds: ['services'] },
      });
      expect(r.status, r.text).toBe(202);
      return finished(hub, 'uk-alerts', r.body.runs[0].id);
    };
    const put = (name: string) =>
      call(hub, 'POST', '/v1/orgs/uk-alerts/services', {
        json: [
          { id: 'heat', name, measure: 'Гкал' },
          { id: 'upkeep', name: `${name} (содержание)`, measure: 'м²' },
        ],
      });
    await put('Отопление');
    expect((await sync()).state).toBe('succeeded');
    // The platform goes down while the records change: a failed run with dead letters.
    testbed.setFaults({ errorRate: 1 });
    await put('Отопление 2');
    expect((await sync()).state).toBe('failed');
    const metrics = await call(hub, 'GET', '/metrics', { token: METRICS_TOKEN });
    expect(metrics.status, metrics.text).toBe(200);
    scrape = parseExposition(metrics.text);
  });
  afterAll(async () => {
    await hub?.close();
    await testbed?.close();
  });

  it('has every metric, label and label value the rules use', () => {
    for (const r of rules) {
      const { metrics, matchers, grouping } = analyse(r.expr);
      expect(metrics.size, r.alert).toBeGreaterThan(0);
      const templated = [
        ...`${r.annotations.summary} ${r.annotations.description ?? ''}`.matchAll(/\$labels\.(\w+)/g),
      ].map((m) => m[1]!);
      for (const name of metrics) {
        const samples = scrape.get(name);
        expect(samples?.length ?? 0, `${r.alert}: ${name} is not in /metrics`).toBeGreaterThan(0);
        for (const label of [...grouping, ...templated])
          expect(
            samples!.some((s) => label in s),
            `${r.alert}: ${name} has no label ${label}`,
          ).toBe(true);
      }
      for (const m of matchers) {
        const samples = scrape.get(m.metric) ?? [];
        expect(
          samples.some((s) => m.label in s),
          `${r.alert}: ${m.metric} has no label ${m.label}`,
        ).toBe(true);
        if (m.op === '=')
          expect(
            samples.some((s) => s[m.label] === m.value),
            `${r.alert}: no ${m.metric}{${m.label}="${m.value}"}`,
          ).toBe(true);
        if (m.op === '=~')
          expect(
            samples.some((s) => new RegExp(`^(?:${m.value})$`).test(s[m.label] ?? '')),
            `${r.alert}: no ${m.metric}{${m.label}=~"${m.value}"}`,
          ).toBe(true);
      }
    }
  });

  it('labels the sync and store metrics by organization and connection name', () => {
    const conn = { org: 'uk-alerts', connection: 'tb-main', platform: 'testbed' };
    expect(scrape.get('zhkh_sync_records_total')).toContainEqual(
      expect.objectContaining({ ...conn, kind: 'service', outcome: 'sent' }),
    );
    expect(scrape.get('zhkh_sync_records_total')).toContainEqual(
      expect.objectContaining({ ...conn, outcome: 'dead' }),
    );
    expect(scrape.get('zhkh_run_state_total')).toEqual(
      expect.arrayContaining([
        { ...conn, state: 'succeeded' },
        { ...conn, state: 'failed' },
      ]),
    );
    expect(scrape.get('zhkh_record_errors_open')).toEqual([{ ...conn, code: 'dead_letter' }]);
    expect(scrape.get('zhkh_connection_schedule_seconds')).toEqual([conn]);
    expect(scrape.get('zhkh_connection_last_success_timestamp_seconds')).toEqual([conn]);
  });

  it('serves /metrics to an admin token and the metrics token only', async () => {
    expect((await call(hub, 'GET', '/metrics')).status).toBe(200);
    const org = await call(hub, 'GET', '/metrics', { token: await hub.tokenFor('uk-alerts') });
    expect(org.status).toBe(403);
    expect(org.body.message).toMatch(/admin token or the metrics token/);
    expect((await call(hub, 'GET', '/metrics', { token: null })).status).toBe(401);
    expect((await call(hub, 'GET', '/metrics', { token: 'not-the-metrics-token' })).status).toBe(401);
    // The metrics token opens nothing else.
    expect((await call(hub, 'GET', '/v1/orgs', { token: METRICS_TOKEN })).status).toBe(401);
    expect((await call(hub, 'GET', '/v1/orgs/uk-alerts/runs', { token: METRICS_TOKEN })).status).toBe(401);
  });
});
