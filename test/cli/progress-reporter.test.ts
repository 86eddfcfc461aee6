import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressReporter } from '../../src/cli/progress-reporter.js';

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
});
