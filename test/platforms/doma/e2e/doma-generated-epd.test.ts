import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { epdDocumentOf } from '../../../../src/domain/epd/epd-document-of.js';
import { publicEpd } from '../../../../src/domain/epd/public-epd.js';
import { renderEpdPdf } from '../../../../src/render/epd/epd-pdf.js';
import { loadEpdSources } from '../../../../src/store/epd-sources-store.js';
import { listRecordErrors } from '../../../../src/store/record-error-store.js';
import { getRecord } from '../../../../src/store/record-store.js';
import { storeKinds } from '../../../support/test-stores.js';
import {
  type DomaFixture,
  domaSuite,
  putFlats,
  putRecords,
  receiptInput,
  syncOnce,
  tinyPdf,
} from './doma-fixture.js';

const OUT = { kinds: ['receipt', 'receipt_file'] };
const md5 = (b: Buffer) => createHash('md5').update(b.toString('base64')).digest('hex');

/** The controlSum the connector must have sent for a receipt: md5 of the full and of the public PDF as the hub renders them. */
async function expectedControlSum(f: DomaFixture, key: string): Promise<string> {
  const receipt = (await getRecord(f.store.db, f.org, 'receipt', key))!.data;
  const [src] = (await loadEpdSources(f.store.db, f.org, [receipt as never]))!;
  const doc = epdDocumentOf(src!);
  return `${md5(await renderEpdPdf(doc))}:${md5(await renderEpdPdf(publicEpd(doc)))}`;
}

describe.each(storeKinds)('Doma.ai generatePdf end to end (%s)', (kind) => {
  const suite = domaSuite(kind);

  it('sends the hub’s ЕПД (full and public) once for receipts without a billing PDF; a changed receipt sends a new one', async () => {
    const f = await suite.start({ settings: { generatePdf: true } });
    const [a1, a2, a3] = await putFlats(f, 3);
    await putRecords(f, 'receipt', [receiptInput(a1!), receiptInput(a2!), receiptInput(a3!)]);
    // a3's billing uploaded its own PDF: that one goes, not ours.
    await putRecords(f, 'receipt_file', [
      {
        accountNumber: a3!,
        period: '2024-01',
        category: 'housing',
        content: tinyPdf('billing').toString('base64'),
      },
    ]);
    const run = await syncOnce(f, OUT);
    expect(run.state).toBe('succeeded');
    const receipts = new Map(f.sandbox.receipts().map((r) => [r.accountNumber, r]));
    const files = new Map(f.sandbox.files().map((x) => [x.receiptId, x]));
    for (const a of [a1!, a2!]) {
      const file = files.get(receipts.get(a)!.id)!;
      expect(file.sensitiveDataFile).toMatchObject({ mimetype: 'application/pdf' });
      expect(file.sensitiveDataFile!.size).toBeGreaterThan(10_000);
      expect(file.publicDataFile).toMatchObject({ mimetype: 'application/pdf' });
      expect(file.controlSum).toBe(await expectedControlSum(f, `${a}/2024-01/housing`));
    }
    expect(files.get(receipts.get(a3!)!.id)?.sensitiveDataFile).toMatchObject({
      size: tinyPdf('billing').length,
    });
    expect(f.sandbox.files()).toHaveLength(3);

    const writes = f.sandbox.writeCounts().receiptFiles;
    const again = await syncOnce(f, OUT);
    expect(again.requests).toBe(0);
    expect(f.sandbox.writeCounts().receiptFiles).toBe(writes);

    await putRecords(f, 'receipt', [receiptInput(a2!, { penalty: '15.00', toPay: '318.30' })]);
    const changed = await syncOnce(f, OUT);
    expect(changed.state).toBe('succeeded');
    expect(f.sandbox.writeCounts().receiptFiles).toBe(writes + 1);
    const file2 = f.sandbox.files().find((x) => x.receiptId === receipts.get(a2!)!.id)!;
    expect(file2.controlSum).toBe(await expectedControlSum(f, `${a2}/2024-01/housing`));
    expect((await syncOnce(f, OUT)).requests).toBe(0);
  });

  it('refuses a receipt whose requisites fail with the field named, and generates nothing without the setting', async () => {
    const f = await suite.start({ settings: { generatePdf: true } });
    const [a1] = await putFlats(f, 1);
    // The organisation has no bank account with this number: no bank name for the QR.
    await putRecords(f, 'receipt', [
      receiptInput(a1!, {
        recipient: { inn: '7736050003', bik: '044525593', account: '40702810801400016513' },
      }),
    ]);
    const run = await syncOnce(f, OUT);
    expect(run.state).toBe('partial');
    const errors = await listRecordErrors(f.store.db, f.org, { connectionId: f.connectionId, limit: 10 });
    expect(errors.map((e) => [e.key, e.code])).toEqual([[`${a1}/2024-01/housing`, 'epd_requisites']]);
    expect(errors[0]?.message).toContain('recipient.bankName');
    expect(f.sandbox.files()).toHaveLength(0);

    const plain = await suite.start();
    const [b1] = await putFlats(plain, 1);
    await putRecords(plain, 'receipt', [receiptInput(b1!)]);
    expect((await syncOnce(plain, OUT)).state).toBe('succeeded');
    expect(plain.sandbox.receipts()).toHaveLength(1);
    expect(plain.sandbox.files()).toHaveLength(0);
  });
});
