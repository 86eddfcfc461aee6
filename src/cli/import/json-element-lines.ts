/**
 * The line each element of a top-level JSON array starts on, so that a rejected record in a `.json`
 * export can be reported by line like NDJSON and CSV ones. JSON.parse gives no positions, hence this
 * scan; it assumes `text` already parsed as an array (so strings, brackets and commas are well formed).
 */
export function jsonElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A raw newline cannot occur inside a JSON string, so skipping the escaped character is safe.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x0a) {
      line++;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0xfeff) continue;
    if (expectElement && depth === 1) {
      expectElement = false;
      if (c !== 0x5d) lines.push(line);
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && depth === 1) expectElement = true;
  }
  return lines;
}
