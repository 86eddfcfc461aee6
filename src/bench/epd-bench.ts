import type { Command } from 'commander';
import PDFDocument from 'pdfkit';
import { demoEpdSources } from '../demo/demo-epd-sources.js';
import type { EpdDocument } from '../domain/epd/epd-document.js';
import { epdDocumentOf } from '../domain/epd/epd-document-of.js';
import { epdFonts } from '../render/epd/epd-fonts.js';
import { EpdPdf, renderEpdPdf } from '../render/epd/epd-pdf.js';
import { benchLine } from './bench-line.js';

/** CPU seconds of this process (one thread renders): pages per CPU second is pages per second on one core. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Every string an ЕПД page shows, in drawing order (what the raw page draws too). */
function pageStrings(d: EpdDocument): string[] {
  const money = (k: number | undefined) => (k === undefined ? '—' : (k / 100).toFixed(2));
  return [
    'ЕДИНЫЙ ПЛАТЁЖНЫЙ ДОКУМЕНТ',
    d.period,
    d.accountNumber,
    d.payer.fullName ?? '',
    d.payer.address ?? '',
    d.recipient.name ?? '',
    `${d.recipient.inn} ${d.recipient.kpp ?? ''} ${d.recipient.bik} ${d.recipient.account}`,
    money(d.summary.toPay),
    ...d.lines.flatMap((l) => [
      l.name,
      l.measure ?? '',
      l.volume ?? '',
      l.tariff ?? '',
      money(l.charge),
      money(l.toPay),
    ]),
    ...d.meters.flatMap((m) => [m.number, m.place ?? '', m.current?.values.join(' ') ?? '']),
  ];
}

/**
 * The raw limit: a bare pdfkit page with the same text — the same shared fonts, each string once
 * at a fixed place — and nothing else (no layout, rules, tables or QR). What pdfkit alone costs
 * for a page of this text, so the ratio is the share of the time that is pdfkit's own.
 */
async function rawPdf(docs: readonly EpdDocument[]): Promise<Buffer> {
  const fonts = epdFonts();
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    font: null as never,
    info: { CreationDate: new Date(0) },
  });
  doc.registerFont('regular', fonts.regular as never);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  for (const d of docs) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.font('regular').fontSize(7);
    pageStrings(d).forEach((s, i) => {
      doc.text(s, 28 + (i % 6) * 90, 28 + Math.floor(i / 6) * 9, { lineBreak: false });
    });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

async function measure(label: string, pages: number, fn: () => Promise<number>, log: (l: string) => void) {
  const wall = performance.now();
  const start = cpu();
  const bytes = await fn();
  const seconds = cpu() - start;
  const rate = pages / seconds;
  log(
    `${label}: ${pages} pages in ${seconds.toFixed(1)} CPU s (${((performance.now() - wall) / 1000).toFixed(1)} s wall) = ${rate.toFixed(0)} pages/s, ${(bytes / pages / 1024).toFixed(1)} KB a page`,
  );
  return rate;
}

export async function runEpdBench(opts: { receipts: number; log: (line: string) => void }): Promise<void> {
  const { log } = opts;
  const docs: EpdDocument[] = [];
  for (const src of demoEpdSources({ accounts: opts.receipts })) docs.push(epdDocumentOf(src));
  log(
    `${docs.length} demo receipts (${(docs.reduce((s, d) => s + d.lines.length, 0) / docs.length).toFixed(1)} service lines each)`,
  );
  epdFonts(); // read and parse the fonts before the clock starts
  await renderEpdPdf(docs[0]!); // and warm the code up
  const each = (fn: (d: EpdDocument) => Promise<Buffer>) => async () => {
    let bytes = 0;
    for (const d of docs) bytes += (await fn(d)).length;
    return bytes;
  };
  const raw = await measure(
    'raw pdfkit page, one file per receipt',
    docs.length,
    each((d) => rawPdf([d])),
    log,
  );
  const ours = await measure(
    'ЕПД, one file per receipt',
    docs.length,
    each((d) => renderEpdPdf(d)),
    log,
  );
  const rawMerged = await measure(
    'raw pdfkit pages, one file',
    docs.length,
    async () => (await rawPdf(docs)).length,
    log,
  );
  const merged = await measure(
    'ЕПД, one file (--merge)',
    docs.length,
    async () => {
      const pdf = new EpdPdf(docs[0]!);
      for (const d of docs) pdf.add(d);
      return (await pdf.end()).length;
    },
    log,
  );
  log(benchLine({ name: 'epd', metric: 'pages_per_s', ours, limit: raw, unit: 'pages/s' }));
  log(
    benchLine({ name: 'epd', metric: 'pages_per_s_merged', ours: merged, limit: rawMerged, unit: 'pages/s' }),
  );
}

/** `npm run bench -- epd [--receipts N]`. */
export function registerEpdBench(program: Command): void {
  program
    .command('epd')
    .description(
      'ЕПД pages rendered per second on one core (CPU time of this process), one file per receipt and merged, beside a bare pdfkit page with the same text',
    )
    .option('--receipts <n>', 'demo receipts to render', '10000')
    .action(async (flags: { receipts: string }) => {
      await runEpdBench({ receipts: Number(flags.receipts), log: (line) => console.log(line) });
    });
}
