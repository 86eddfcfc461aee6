import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressReporter } from '../../src/cli/progress-reporter.js';
import type { RunLike } from '../../src/cli/sync/run-like.js';
import { RunProgress } from '../../src/cli/sync/run-progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = isTTY;
  stream.columns = 120;
  return { stream, text: () => chunks.join('') };
}

describe('ProgressReporter', () => {
  it('prints a plain line at most every 2 s and a final line when not on a TTY', () => {
    let now = 0;
    const out = sink(false);
    const p = new ProgressReporter({ stream: out.stream, now: () => now });
    p.start('import accounts.ndjson', 1000);
    now = 1000;
    p.update(200, { records: 5000, rejected: 1 });
    expect(out.text()).toBe('');
    now = 2500;
    p.update(450, { records: 12_000, rejected: 3 });
    now = 3000;
    p.update(500, { records: 13_000, rejected: 3 });
    expect(out.text()).toBe('import accounts.ndjson: 45% 12000 records, 3 rejected, 4800 rec/s\n');
    now = 4000;
    p.stop();
    expect(out.text().split('\n').at(-2)).toBe(
      'import accounts.ndjson: 100% 13000 records, 3 rejected, 3250 rec/s in 4.0 s',
    );
  });

  it('uses the caller’s summary line and copes with an unknown total', () => {
    let now = 0;
    const out = sink(false);
    const p = new ProgressReporter({ stream: out.stream, now: () => now });
    p.start('work');
    now = 2000;
    p.update(10);
    p.stop('work: done');
    expect(out.text()).toBe('work: 10\nwork: done\n');
  });

  it('draws a bar on a TTY and leaves no timer behind', async () => {
    const out = sink(true);
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const p = new ProgressReporter({ stream: out.stream });
    p.start('import receipts.csv', 100);
    p.update(50, { records: 500, rejected: 2 });
    await new Promise((r) => setTimeout(r, 50));
    p.stop('import receipts.csv: 1000 receipts');
    expect(out.text()).toContain('import receipts.csv');
    expect(out.text()).toContain('2 rejected');
    expect(out.text()).toContain('import receipts.csv: 1000 receipts\n');
    expect(timers()).toBe(before);
  });

  it('prints nothing when disabled', () => {
    const out = sink(false);
    const p = new ProgressReporter({ stream: out.stream, enabled: false, intervalMs: 0 });
    p.start('x', 10);
    p.update(5, { records: 5 });
    p.stop();
    expect(out.text()).toBe('');
  });

  it('ends an incomplete task with its outcome where it got to, never at 100%', () => {
    let now = 0;
    const out = sink(false);
    const p = new ProgressReporter({ stream: out.stream, now: () => now });
    p.start('run 7 doma', 40);
    p.update(19, { records: 19, rejected: 0 });
    now = 1000;
    p.fail('failed', 'auth_rejected: wrong password');
    expect(out.text()).toBe(
      'run 7 doma: failed at 47% 19 records, 0 rejected, 19 rec/s in 1.0 s — auth_rejected: wrong password\n',
    );
  });
});

describe('RunProgress', () => {
  const run = (patch: Partial<RunLike>): RunLike => ({
    id: 7,
    connectionId: 'c1',
    platform: 'doma',
    state: 'running',
    trigger: 'cli',
    planned: 40,
    sent: 0,
    unchanged: 0,
    failed: 0,
    received: 0,
    acknowledged: 0,
    requests: 0,
    lastError: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    ...patch,
  });

  it('says a run failed after refused credentials instead of "100% 19 records, 0 rejected"', () => {
    const out = sink(false);
    const p = new RunProgress('run 7 doma', { stream: out.stream });
    p.show(run({ unchanged: 19 }));
    p.show(
      run({ unchanged: 19, state: 'failed', lastError: 'connection problem (receipt): auth_rejected: 401' }),
    );
    p.stop();
    const last = out.text().trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/^run 7 doma: failed at 47% 19 records, 0 rejected/);
    expect(last).toContain('auth_rejected: 401');
    expect(out.text()).not.toContain('100%');
  });

  it('ends a succeeded run at 100%', () => {
    const out = sink(false);
    const p = new RunProgress('run 8 doma', { stream: out.stream });
    p.show(run({ id: 8, sent: 40, state: 'succeeded' }));
    expect(out.text()).toMatch(/^run 8 doma: 100% 40 records, 0 rejected/);
  });
});
