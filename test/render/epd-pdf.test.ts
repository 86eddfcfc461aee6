import { describe, expect, it } from 'vitest';
import { demoEpdSources } from '../../src/demo/demo-epd-sources.js';
import { epdDocumentOf } from '../../src/domain/epd/epd-document-of.js';
import { epdQr } from '../../src/domain/epd/epd-qr.js';
import { EpdRequisitesError } from '../../src/domain/epd/epd-requisites.js';
import { parseGostQr } from '../../src/domain/epd/parse-gost-qr.js';
import { publicEpd } from '../../src/domain/epd/public-epd.js';
import { EpdPdf, renderEpdPdf } from '../../src/render/epd/epd-pdf.js';
import { epdSources } from '../support/epd-fixture.js';
import { POPPLER, pdfPages, pdfText, readQr } from '../support/poppler.js';

/** Kopecks as the test expects them printed: "1 234,56" (written here independently of the renderer). */
const printed = (k: number) => {
  const abs = Math.abs(k);
  const rub = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ' ');
  return `${k < 0 ? '-' : ''}${rub},${String(abs % 100).padStart(2, '0')}`;
};

describe.runIf(POPPLER)('ЕПД PDF read back as a resident’s phone and a text extractor would', () => {
  it('the QR on the page decodes to the payload, the sum to the kopeck; the text has the account, the period and every line total', async () => {
    const doc = epdDocumentOf(epdSources());
    const pdf = await renderEpdPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(50 * 1024);
    const bytes = readQr(pdf);
    expect(bytes).toBeDefined();
    const qr = epdQr(doc);
    expect(Buffer.from(bytes!)).toEqual(Buffer.from(qr.bytes));
    const fields = Object.fromEntries(parseGostQr(bytes!).fields);
    expect(Number(fields.Sum)).toBe(doc.summary.toPay);
    expect(fields.PersonalAcc).toBe('40702810138250123017');

    const text = pdfText(pdf);
    expect(text).toContain(doc.accountNumber);
    expect(text).toContain('за октябрь 2026 г.');
    expect(text).toContain('период 2026-10');
    for (const line of doc.lines) expect(text).toContain(printed(line.toPay));
    expect(text).toContain(printed(doc.summary.toPay));
    expect(text).toContain('Иванов Евгений Борисович');
    expect(text).toContain('Временное отсутствие (справка)'); // section 5 with its ground
    expect(text).toContain('4,215'); // cold water used: 124,340 − 120,125
  });

  it('the public variant has no ФИО in its text layer nor in its QR, and still pays the same', async () => {
    const doc = epdDocumentOf(epdSources());
    const pdf = await renderEpdPdf(publicEpd(doc));
    const text = pdfText(pdf);
    expect(text).not.toMatch(/Иванов|Евгений|Борисович/);
    expect(text).toContain('кв. 706');
    const fields = Object.fromEntries(parseGostQr(readQr(pdf)!).fields);
    expect(JSON.stringify(fields)).not.toMatch(/Иванов|Евгений|Борисович/);
    expect(Number(fields.Sum)).toBe(doc.summary.toPay);
  });

  it('UTF-8 QR on request; the same input gives the same bytes; demo receipts each fit one A4 page', async () => {
    const doc = epdDocumentOf(epdSources());
    const utf8 = await renderEpdPdf(doc, { qr: { charset: 2 } });
    expect(parseGostQr(readQr(utf8)!).charset).toBe(2);
    expect((await renderEpdPdf(doc)).equals(await renderEpdPdf(epdDocumentOf(epdSources())))).toBe(true);

    const demo = [...demoEpdSources({ accounts: 12 })].map(epdDocumentOf);
    const merged = new EpdPdf(demo[0]!);
    for (const d of demo) expect(merged.add(d)).toBe(1);
    const all = await merged.end();
    expect(pdfPages(all)).toBe(demo.length);
    expect(all.length / demo.length).toBeLessThan(50 * 1024);
    // Each page's QR is its own receipt's.
    const third = Object.fromEntries(parseGostQr(readQr(all, 3)!).fields);
    expect(third.PersAcc).toBe(demo[2]!.accountNumber);
    expect(Number(third.Sum)).toBe(demo[2]!.summary.toPay);
  });

  it('a receipt whose requisites fail adds nothing and names the field', async () => {
    const doc = epdDocumentOf(epdSources());
    const bad = { ...doc, recipient: { ...doc.recipient, corrAccount: '30101810500000000225' } };
    const pdf = new EpdPdf(doc);
    expect(() => pdf.add(bad)).toThrow(EpdRequisitesError);
    expect(() => pdf.add(bad)).toThrow(/recipient\.corrAccount/);
    expect(pdf.pages).toBe(0);
    pdf.add(doc);
    expect(pdfPages(await pdf.end())).toBe(1);
  });

  it('a character outside the shared font subset still prints: that file gets its own subset', async () => {
    const doc = epdDocumentOf(epdSources());
    // Ukrainian Ґ/ї and a Latin é are not among the glyphs every receipt shares.
    const odd = { ...doc, payer: { ...doc.payer, fullName: 'Ґалицька Марія Ренé' } };
    const plain = await renderEpdPdf(doc);
    const own = await renderEpdPdf(odd);
    expect(pdfText(own)).toContain('Ґалицька Марія Ренé');
    expect(pdfText(own)).toContain(printed(doc.summary.toPay));
    // The payer's name is bold: the bold subset is this file's own, under another name; the regular one is shared.
    const name = (pdf: Buffer, face: string) =>
      pdf.toString('latin1').match(new RegExp(`/BaseFont /[A-Z]{6}\\+PTSans-${face}`))?.[0];
    expect(name(own, 'Bold')).toBeDefined();
    expect(name(own, 'Bold')).not.toBe(name(plain, 'Bold'));
    expect(name(own, 'Regular')).toBe(name(plain, 'Regular'));
    expect(own.length).toBeLessThan(50 * 1024);
  });
});
