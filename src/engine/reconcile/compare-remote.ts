import type { RemoteFacts, RemoteRecord } from '../connector/connector.js';
import type { LedgerScan } from './ledger-status.js';
import { LISTED_LIMIT, type RemoteComparison } from './reconciliation-report.js';

/** A comparison as it goes, and every key a fix would send again (not only the listed ones). */
export interface RemoteTally {
  comparison: RemoteComparison;
  resend: string[];
}

/**
 * Compares what the platform holds with our confirmed records, page by page: a platform record
 * whose key is none of ours was never sent by us; a confirmed record of ours absent from the
 * platform, or with another amount, is sent again by a fix. Records of ours that are pending or
 * refused are the local report's business and are not compared.
 */
export async function compareRemote(
  kind: string,
  scan: Pick<LedgerScan, 'keys' | 'confirmed'>,
  pages: AsyncIterable<readonly RemoteRecord[]>,
  direction: RemoteComparison['direction'] = 'outbound',
): Promise<RemoteTally> {
  const comparison: RemoteComparison = {
    kind,
    direction,
    read: 0,
    compared: scan.confirmed.size,
    onlyOnPlatform: 0,
    missing: 0,
    amountDiffers: 0,
    differences: [],
  };
  const resend: string[] = [];
  const seen = new Set<string>();
  const list = (
    problem: RemoteComparison['differences'][number]['problem'],
    count: number,
    d: { key: string | null; r?: RemoteRecord | undefined; ours?: RemoteFacts | undefined },
  ) => {
    if (count > LISTED_LIMIT) return;
    comparison.differences.push({
      problem,
      key: d.key,
      platformId: d.r?.platformId ?? null,
      label: d.r?.label ?? null,
      ours: d.ours?.amount ?? null,
      platform: d.r?.amount ?? null,
    });
  };
  for await (const page of pages) {
    for (const r of page) {
      comparison.read++;
      const ours = r.key === undefined ? undefined : scan.confirmed.get(r.key);
      if (ours && r.key !== undefined) {
        seen.add(r.key);
        if (ours.amount !== undefined && r.amount !== undefined && ours.amount !== r.amount) {
          list('amount_differs', ++comparison.amountDiffers, { key: r.key, r, ours });
          resend.push(r.key);
        }
      } else if (r.key === undefined || !scan.keys.has(r.key)) {
        list('only_on_platform', ++comparison.onlyOnPlatform, { key: r.key ?? null, r });
      }
    }
  }
  for (const [key, ours] of scan.confirmed) {
    if (seen.has(key)) continue;
    list('missing', ++comparison.missing, { key, ours });
    resend.push(key);
  }
  return { comparison, resend };
}
