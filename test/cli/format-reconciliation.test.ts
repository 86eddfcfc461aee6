import { describe, expect, it } from 'vitest';
import { formatReconciliation } from '../../src/cli/reconcile/format-reconciliation.js';
import type { ReconciliationReport } from '../../src/engine/reconcile/reconciliation-report.js';

const base: ReconciliationReport = {
  connection: { id: 'c1', name: 'uzhkh-main', platform: 'uzhkh' },
  generatedAt: '2026-12-07T05:00:00.000Z',
  kinds: [
    {
      kind: 'uzhkh_id_assignment',
      live: 2,
      confirmed: 1,
      pending: 0,
      refused: { uzhkh_not_found: 1 },
      deletedPending: 0,
      notCarried: 0,
    },
  ],
  remote: [
    {
      kind: 'payment',
      direction: 'inbound',
      read: 3,
      compared: 3,
      onlyOnPlatform: 0,
      missing: 0,
      amountDiffers: 1,
      differences: [
        {
          problem: 'amount_differs',
          key: 'payment:P2',
          platformId: 'P2',
          label: '1000000002 2024-01-01',
          ours: 100250,
          platform: -150,
        },
      ],
    },
  ],
  remoteError: null,
  clean: false,
};

describe('reconciliation as text', () => {
  it('shows local rows, an inbox comparison as its own row, money with kopecks, and the verdict', () => {
    const text = formatReconciliation(base);
    const lines = text.split('\n');
    expect(lines[0]).toBe('uzhkh-main (uzhkh) at 2026-12-07 05:00:00 UTC');
    expect(text).toMatch(/^uzhkh_id_assignment\s+2\s+1\s+0\s+uzhkh_not_found 1\s+0\s+-\s+-\s+-\s+-$/m);
    expect(text).toMatch(/^payment \(inbox\)\s+-\s+-\s+-\s+-\s+-\s+3\s+0\s+0\s+1$/m);
    expect(text).toMatch(
      /^payment \(inbox\)\s+amount differs\s+payment:P2\s+P2\s+1000000002 2024-01-01\s+1002\.50\s+-1\.50$/m,
    );
    expect(lines.at(-1)).toBe('NOT clean');
  });

  it('says when the platform cannot be read back, or could not be this time', () => {
    const local = formatReconciliation({ ...base, remote: [], clean: true });
    expect(local).toContain("uzhkh cannot be read back: the report is the hub's own state");
    expect(local.split('\n').at(-1)).toBe('clean');
    const failed = formatReconciliation({ ...base, remote: [], remoteError: 'payment: gave up' });
    expect(failed).toContain('the platform could not be read back: payment: gave up');
  });
});
