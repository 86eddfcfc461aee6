/** How much of a file is looked at: enough for thousands of rows, cheap for any file. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

/**
 * 'utf8' when the sample is valid UTF-8 (a BOM is allowed), else 'cp1251': 1С and older bank software
 * export windows-1251 by default, and Cyrillic in windows-1251 is almost never valid UTF-8, so the
 * test is reliable. Pure ASCII is 'utf8' (both decode it the same). The sample may end in the middle
 * of a character, so the decoder is told more may follow.
 */
export function detectEncoding(sample: Uint8Array): 'utf8' | 'cp1251' {
  const head = sample.subarray(0, ENCODING_SAMPLE_BYTES);
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(head, { stream: true });
    return 'utf8';
  } catch {
    return 'cp1251';
  }
}
