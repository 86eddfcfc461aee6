import {
  type OutboundPage,
  readChangedPage,
  readKeyedPage,
  readOutboundPage,
} from '../../store/delivery-store.js';
import { ledgerOf, type OutboundStream } from '../connector/connector.js';
import type { StreamRun } from './stream-run.js';

/**
 * The pages of records an outbound pass looks at: every record in key order, or — with `since` —
 * only those changed after that seq, in change order. `final` marks the last page.
 */
export async function* outboundPages(
  run: StreamRun,
  stream: OutboundStream,
  opts: {
    since: number | undefined;
    fingerprint: string | undefined;
    pageSize: number;
    /** Records to look at besides the changed ones (re-queued refusals); a full pass reads them anyway. */
    extraKeys?: readonly string[];
    /** The pass's watermark: with `since` at it, nothing changed and no changed page is read. */
    upto?: number | undefined;
  },
): AsyncGenerator<OutboundPage & { final: boolean }> {
  const { db } = run.engine.store;
  const { id, orgId } = run.connection;
  if (opts.since !== undefined) {
    const extra = opts.extraKeys ?? [];
    for (let i = 0; i < extra.length; i += opts.pageSize) {
      const keys = extra.slice(i, i + opts.pageSize);
      const page = await readKeyedPage(db, orgId, id, stream.kind, keys, opts.since, ledgerOf(stream));
      yield { ...page, final: false };
    }
    // Nothing committed since the last complete pass: the change index need not even be asked (a
    // planner without statistics may answer "changed after" by walking the whole kind).
    if (opts.upto !== undefined && opts.since >= opts.upto) return;
    let after = opts.since;
    for (;;) {
      const page = await readChangedPage(db, orgId, id, stream.kind, after, opts.pageSize, ledgerOf(stream));
      if (page.lastSeq === undefined) return;
      after = page.lastSeq;
      yield { ...page, final: page.scanned < opts.pageSize };
      if (page.scanned < opts.pageSize) return;
    }
  }
  let after: string | undefined;
  for (;;) {
    const page = await readOutboundPage(
      db,
      orgId,
      id,
      stream.kind,
      after,
      opts.pageSize,
      opts.fingerprint,
      ledgerOf(stream),
    );
    if (page.last === undefined) return;
    after = page.last;
    yield { ...page, final: page.scanned < opts.pageSize };
    if (page.scanned < opts.pageSize) return;
  }
}
