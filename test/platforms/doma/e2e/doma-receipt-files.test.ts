import { describe, expect, it } from 'vitest';
import { listRecordErrors } from '../../../../src/store/record-error-store.js';
import { deleteRecords } from '../../../../src/store/record-store.js';
import { storeKinds } from '../../../support/test-stores.js';
import { domaSuite, putFlats, putRecords, receiptInput, syncOnce, tinyPdf } from './doma-fixture.js';

const file = (accountNumber: string, pdf: Buffer, variant = 'full') => ({
  accountNumber,
  period: '2024-01',
  category: 'housing',
  variant,
  content: pdf.toString('base64'),
});

describe.each(storeKinds)('Doma.ai PDF receipts end to end (%s)', (kind) => {
  const suite = domaSuite(kind);

  it('attaches PDFs by importId (base64 or multipart), with the public variant, and never re-sends an unchanged one', async () => {
    const f = await suite.start();
    const [a1, a2, a3] = await putFlats(f, 3);
    await putRecords(f, 'receipt', [receiptInput(a1!), receiptInput(a2!)]);
    const large = tinyPdf('large', 300 * 1024); // ~400 KB of base64: over the variables limit
    await putRecords(f, 'receipt_file', [
      file(a1!, tinyPdf('one')),
      file(a1!, tinyPdf('one, without the name'), 'public'),
      file(a2!, large),
      file(a3!, tinyPdf('three')), // no receipt on the platform for this one
    ]);
    const run = await syncOnce(f, { kinds: ['receipt', 'receipt_file'] });
    expect(run.state).toBe('partial');
    expect(run.sent).toBe(2 + 3);
    const errors = await listRecordErrors(f.store.db, f.org, { connectionId: f.connectionId, limit: 10 });
    expect(errors.map((e) => [e.key, e.code])).toEqual([
      [`${a3}/2024-01/housing/full`, 'NO_RECEIPT_FOR_FILE'],
    ]);

    const receipts = new Map(f.sandbox.receipts().map((r) => [r.accountNumber, r]));
    const files = new Map(f.sandbox.files().map((x) => [x.receiptId, x]));
    const one = files.get(receipts.get(a1!)!.id)!;
    expect(one.sensitiveDataFile).toMatchObject({ mimetype: 'application/pdf', size: tinyPdf('one').length });
    expect(one.publicDataFile).toMatchObject({ size: tinyPdf('one, without the name').length });
    const two = files.get(receipts.get(a2!)!.id)!;
    expect(two.sensitiveDataFile).toMatchObject({ size: large.length });
    expect(two.controlSum).toMatch(/^[0-9a-f]{32}$/); // the multipart path carries our md5

    const before = f.sandbox.writeCounts().receiptFiles;
    const again = await syncOnce(f, { kinds: ['receipt', 'receipt_file'] });
    expect(again.requests).toBe(0);
    expect(f.sandbox.writeCounts().receiptFiles).toBe(before);

    await putRecords(f, 'receipt_file', [file(a2!, tinyPdf('two, corrected'))]);
    const changed = await syncOnce(f, { kinds: ['receipt_file'] });
    expect(changed.sent).toBe(1);
    expect(
      f.sandbox.files().find((x) => x.receiptId === receipts.get(a2!)!.id)?.sensitiveDataFile,
    ).toMatchObject({
      size: tinyPdf('two, corrected').length,
    });
  });

  it('a receipt deleted in the billing has its uploaded PDF removed from the platform; the receipt stays', async () => {
    const f = await suite.start();
    const [a1, a2, a3] = await putFlats(f, 3);
    await putRecords(f, 'receipt', [receiptInput(a1!), receiptInput(a2!), receiptInput(a3!)]);
    await putRecords(f, 'receipt_file', [
      file(a1!, tinyPdf('one')),
      file(a2!, tinyPdf('two')),
      file(a3!, tinyPdf('three')),
    ]);
    expect((await syncOnce(f, { kinds: ['receipt', 'receipt_file'] })).state).toBe('succeeded');
    const receiptOf = (a: string) => f.sandbox.receipts().find((r) => r.accountNumber === a)!;
    const fileOf = (a: string) => f.sandbox.files().find((x) => x.receiptId === receiptOf(a).id);
    expect([a1, a2, a3].map((a) => fileOf(a!)?.deleted)).toEqual([false, false, false]);

    // The billing withdraws a receipt (its PDF record stays in the hub), and deletes another PDF alone.
    await deleteRecords(f.store.db, f.org, 'receipt', [`${a1}/2024-01/housing`]);
    await deleteRecords(f.store.db, f.org, 'receipt_file', [`${a2}/2024-01/housing/full`]);
    const run = await syncOnce(f, { kinds: ['receipt', 'receipt_file'] });
    expect(run.state).toBe('succeeded');
    expect(fileOf(a1!)?.deleted).toBe(true);
    expect(fileOf(a2!)?.deleted).toBe(true);
    expect(fileOf(a3!)?.deleted).toBe(false);
    expect(receiptOf(a1!).fileId).toBeNull(); // residents see no PDF for it any more…
    expect(f.sandbox.receipts()).toHaveLength(3); // …while the receipt itself stays as history

    const writes = f.sandbox.writeCount();
    expect((await syncOnce(f, { kinds: ['receipt', 'receipt_file'] })).requests).toBe(0);
    expect(f.sandbox.writeCount()).toBe(writes);
  });
});
