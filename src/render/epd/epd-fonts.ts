import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create } from 'fontkit';
import { EpdFace, type FontkitFont } from './epd-face.js';
import { simpleLayoutFont } from './simple-layout-font.js';
import { unhintedFont } from './unhinted-font.js';

/**
 * PT Sans (ParaType, SIL Open Font License 1.1) from the npm package `@expo-google-fonts/pt-sans`,
 * which ships the TTF files: a typeface drawn for Russian, embedded (as a subset) into every PDF — no
 * system font and no download is ever used. Each file is read, stripped of its hinting and parsed
 * once per process.
 */
const require = createRequire(import.meta.url);
const FILES = {
  regular: '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf',
  bold: '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf',
} as const;

export type EpdFont = keyof typeof FILES;

let loaded: Record<EpdFont, object> | undefined;
let faces: Record<EpdFont, EpdFace> | undefined;

/** The parsed fonts, ready for pdfkit's `doc.registerFont` (the bench's bare pdfkit page uses them). */
export function epdFonts(): Record<EpdFont, object> {
  loaded ??= {
    regular: load(FILES.regular),
    bold: load(FILES.bold),
  };
  return loaded;
}

/** The faces the ЕПД is written in: each font's shared subset, made once per process. */
export function epdFaces(): Record<EpdFont, EpdFace> {
  const fonts = epdFonts();
  faces ??= {
    regular: new EpdFace(fonts.regular as FontkitFont),
    bold: new EpdFace(fonts.bold as FontkitFont),
  };
  return faces;
}

function load(file: string): object {
  return simpleLayoutFont(create(unhintedFont(readFileSync(require.resolve(file)))));
}
