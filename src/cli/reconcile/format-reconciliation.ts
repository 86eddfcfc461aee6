import { formatMoney } from '../../domain/money.js';
import type { ReconciliationReport } from '../../engine/reconcile/reconciliation-report.js';
import { formatTable } from '../format-table.js';

const PROBLEM_TEXT = {
  only_on_platform: 'only on the platform',
  missing: 'missing on the platform',
  amount_differs: 'amount differs',
} as const;

const money = (kopecks: number | null) => (kopecks === null ? null : formatMoney(kopecks));

/**
 * A connection's reconciliation as people read it: one line per kind (the local standing, and the
 * platform's side where it is read back), then the differences one by one, then a verdict.
 */
export function formatReconciliation(r: ReconciliationReport): string {
  const remote = new Map(r.remote.filter((x) => x.direction === 'outbound').map((x) => [x.kind, x]));
  const label = (x: { kind: string; direction: string }) =>
    x.direction === 'inbound' ? `${x.kind} (inbox)` : x.kind;
  const lines = [
    `${r.connection.name} (${r.connection.platform}) at ${r.generatedAt.slice(0, 19).replace('T', ' ')} UTC`,
  ];
  lines.push(
    formatTable(
      [
        'kind',
        'live',
        'confirmed',
        'pending',
        'refused',
        'deleted, not sent',
        'on platform',
        'only there',
        'missing there',
        'amount differs',
      ],
      r.kinds
        .map((k) => {
          const x = remote.get(k.kind);
          const refused = Object.entries(k.refused)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([code, n]) => `${code} ${n}`)
            .join(', ');
          return [
            k.kind,
            k.live,
            k.confirmed,
            k.pending,
            refused || 0,
            k.deletedPending,
            x ? x.read : '-',
            x ? x.onlyOnPlatform : '-',
            x ? x.missing : '-',
            x ? x.amountDiffers : '-',
          ];
        })
        .concat(
          // Data the platform sends us: compared with the inbox, no local standing of its own.
          r.remote
            .filter((x) => x.direction === 'inbound')
            .map((x) => [
              label(x),
              '-',
              '-',
              '-',
              '-',
              '-',
              x.read,
              x.onlyOnPlatform,
              x.missing,
              x.amountDiffers,
            ]),
        ),
    ),
  );
  const differences = r.remote.flatMap((x) => x.differences.map((d) => ({ ...d, kind: label(x) })));
  if (differences.length > 0) {
    lines.push('');
    lines.push(
      formatTable(
        ['kind', 'problem', 'key', 'platform id', 'on the platform', 'ours', 'platform'],
        differences.map((d) => [
          d.kind,
          PROBLEM_TEXT[d.problem],
          d.key,
          d.platformId,
          d.label,
          money(d.ours),
          money(d.platform),
        ]),
      ),
    );
  }
  if (r.remote.length === 0 && r.remoteError === null) {
    lines.push(`${r.connection.platform} cannot be read back: the report is the hub's own state`);
  }
  if (r.remoteError !== null) lines.push(`the platform could not be read back: ${r.remoteError}`);
  lines.push(r.clean ? 'clean' : 'NOT clean');
  return lines.join('\n');
}
