import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { EpdDocument } from '../../domain/epd/epd-document.js';
import { EpdRequisitesError } from '../../domain/epd/epd-requisites.js';
import { parsePeriod } from '../../domain/period.js';
import { ValueError } from '../../domain/value-error.js';
import { EpdPdf, renderEpdPdf } from '../../render/epd/epd-pdf.js';
import { CliError } from '../cli-error.js';
import type { HubClient } from '../hub-client.js';
import { orgPath } from '../hub-path.js';
import { ProgressReporter } from '../progress-reporter.js';
import { type RemoteFlags, withRemoteOptions } from '../remote-options.js';
import { withStoreOptions } from '../store-options.js';
import { withHubClient } from '../with-hub-client.js';
import type { StoreFlags } from '../with-store.js';

interface PdfFlags extends StoreFlags, RemoteFlags {
  org: string;
  period: string;
  account?: string;
  out: string;
  merge?: boolean;
  public?: boolean;
  charset: '1' | '2';
  quiet?: boolean;
}

const EXAMPLES = `
One ЕПД (Приказ Минстроя № 43/пр, with the ГОСТ Р 56042-2014 payment QR) per receipt of the period,
rendered here from what the hub holds: one file per receipt (epd_<account>_<period>_<category>.pdf),
or every receipt in one file with --merge (epd_<org>_<period>.pdf). A receipt whose recipient
requisites fail their checks gets no document; it is listed with the field, and the command exits 2.

Examples:
  zhkh-bridge receipts pdf --org uk-sever --period 2026-10 --out epd/
  zhkh-bridge receipts pdf --org uk-sever --period 2026-10 --account 4200003151 --public --out epd/
  zhkh-bridge receipts pdf --org uk-sever --period 2026-10 --out epd/ --merge --url http://127.0.0.1:8080`;

/** `zhkh-bridge receipts pdf`: the period's ЕПД as PDF files. */
export function registerReceiptsCommand(program: Command): void {
  const receipts = program.command('receipts').description('Receipts: render their ЕПД as PDF');
  withRemoteOptions(
    withStoreOptions(
      receipts
        .command('pdf')
        .description('Render the ЕПД of a period’s receipts as PDF (one file per receipt, or --merge)')
        .requiredOption('--org <id>', 'the organization')
        .requiredOption('--period <YYYY-MM>', 'the billing period')
        .option('--account <number>', 'only this лицевой счёт')
        .requiredOption('--out <dir>', 'the directory to write to (created when missing)')
        .option('--merge', 'one PDF with every receipt, page after page')
        .option('--public', 'the variant without ФИО (seed 000’s public PDF)')
        .addOption(
          new Option('--charset <n>', 'the payment QR’s charset: 1 = windows-1251, 2 = UTF-8')
            .choices(['1', '2'])
            .default('1'),
        )
        .option('--quiet', 'no progress bar'),
    ),
  )
    .addHelpText('after', EXAMPLES)
    .action(async (flags: PdfFlags, command: Command) => {
      try {
        parsePeriod(flags.period);
      } catch (err) {
        if (err instanceof ValueError) throw new CliError(`--period: ${err.message}`);
        throw err;
      }
      await mkdir(flags.out, { recursive: true });
      const outcome = await withHubClient(flags, command, (client) => renderPeriod(client, flags));
      console.log(
        `${outcome.rendered} ЕПД (${outcome.pages} pages) written to ${flags.merge ? join(flags.out, mergedName(flags)) : flags.out}` +
          (outcome.refused.length > 0 ? `; ${outcome.refused.length} refused:` : ''),
      );
      for (const r of outcome.refused) console.log(`  ${r.key}: ${r.message}`);
      if (outcome.rendered === 0 && outcome.refused.length === 0)
        throw new CliError(
          `no receipts of ${flags.org} for ${flags.period}${flags.account ? ` on ${flags.account}` : ''}`,
        );
      if (outcome.refused.length > 0) process.exitCode = 2;
    });
}

interface Outcome {
  rendered: number;
  pages: number;
  refused: Array<{ key: string; message: string }>;
}

async function renderPeriod(client: HubClient, flags: PdfFlags): Promise<Outcome> {
  const progress = new ProgressReporter({ enabled: !flags.quiet });
  const qr = { charset: Number(flags.charset) as 1 | 2 };
  const outcome: Outcome = { rendered: 0, pages: 0, refused: [] };
  let merged: EpdPdf | undefined;
  let after: string | undefined;
  let done = 0;
  try {
    for (;;) {
      const q = new URLSearchParams({ period: flags.period, limit: '200' });
      if (flags.account) q.set('account', flags.account);
      if (flags.public) q.set('variant', 'public');
      if (after) q.set('after', after);
      const page = (await client.get(`${orgPath(flags.org, 'epd-documents')}?${q}`)).body as {
        items: Array<{ key: string; document: unknown }>;
        next: string | null;
        total?: number;
      };
      if (after === undefined) progress.start(`ЕПД ${flags.period}`, page.total);
      for (const item of page.items) {
        const doc = z.decode(EpdDocument, item.document as never);
        try {
          if (flags.merge) {
            merged ??= new EpdPdf(doc, { qr, sink: createWriteStream(join(flags.out, mergedName(flags))) });
            outcome.pages += merged.add(doc);
          } else {
            const pdf = await renderEpdPdf(doc, { qr });
            await writeFile(join(flags.out, fileName(item.key, flags.public)), pdf);
            outcome.pages += 1;
          }
          outcome.rendered++;
        } catch (err) {
          if (!(err instanceof EpdRequisitesError)) throw err;
          outcome.refused.push({ key: item.key, message: err.message });
        }
        progress.update(++done, { rejected: outcome.refused.length });
      }
      if (!page.next) break;
      after = page.next;
    }
  } finally {
    progress.stop();
  }
  if (merged) {
    await merged.end();
    outcome.pages = merged.pages;
  }
  return outcome;
}

function mergedName(flags: PdfFlags): string {
  return `epd_${flags.org}_${flags.period}${flags.public ? '_public' : ''}.pdf`;
}

function fileName(key: string, isPublic: boolean | undefined): string {
  return `epd_${key.replace(/[^\w.-]+/g, '_')}${isPublic ? '_public' : ''}.pdf`;
}
