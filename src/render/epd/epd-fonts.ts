import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create } from 'fontkit';
import { simpleLayoutFont } from './simple-layout-font.js';
import { unhintedFont } from './unhinted-font.js';

/**
 * PT Sans (ParaType, SIL Open Font License 1.1) from the npm package `@expo-google-fonts/pt-sans`,
 * which ships the TTF files: a typeface drawn for Russian, embedded (and subset by pdfkit) into every
 * PDF — no system font and no download is ever used. Each file is read, stripped of its hinting and
 * parsed once per process; every document shares the parsed font (pdfkit takes a fontkit font as
 * is), so glyphs are decoded once, not once per receipt.
 */
const require = createRequire(import.meta.url);
const FILES = {
  regular: '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf',
  bold: '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf',
} as const;

export type EpdFont = keyof typeof FILES;

let loaded: Record<EpdFont, object> | undefined;

/** The parsed fonts, ready for `doc.registerFont`. */
export function epdFonts(): Record<EpdFont, object> {
  loaded ??= {
    regular: load(FILES.regular),
    bold: load(FILES.bold),
  };
  return loaded;
}

function load(file: string): object {
  return simpleLayoutFont(create(unhintedFont(readFileSync(require.resolve(file)))));
}
