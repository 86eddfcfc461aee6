/**
 * Reads the curl examples of a seed document at test time (the seed's text is not copied into the
 * repository). The seed is extracted from a PDF, so its lines are wrapped: a break inside the GraphQL
 * text of a `"query"` value stands for a space, a break inside any other JSON string (a key, an
 * operationName, a value) splits a word and is dropped, and a break outside strings is whitespace.
 */
export interface CurlExample {
  url: string;
  headers: Record<string, string>;
  /** `--data` / `--data-raw`, unwrapped. */
  data?: string;
  /** `--form` parts: a text field, or a file (`name=@path`). */
  form: Array<{ name: string; value: string; file: boolean }>;
}

/** Shell words, with quotes removed; an unterminated quote runs to the end, newlines are spaces. */
export function shellWords(cmd: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < cmd.length) {
    const c = cmd[i] as string;
    if (c === "'") {
      const end = cmd.indexOf("'", i + 1);
      const stop = end < 0 ? cmd.length : end;
      cur += cmd.slice(i + 1, stop);
      i = stop + 1;
      inWord = true;
    } else if (c === '"') {
      i++;
      while (i < cmd.length && cmd[i] !== '"') {
        if (cmd[i] === '\\' && '"\\$`'.includes(cmd[i + 1] ?? '')) i++;
        cur += cmd[i];
        i++;
      }
      i++;
      inWord = true;
    } else if (c === '\\') {
      if (cmd[i + 1] !== '\n') {
        cur += cmd[i + 1] ?? '';
        inWord = true;
      }
      i += 2;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
    } else {
      cur += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** Removes the document's line wrapping from JSON text (see the file comment). */
export function unwrapJson(text: string): string {
  let out = '';
  let inString = false;
  let current = '';
  let lastKey = '';
  let isQueryValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (!inString) {
      if (c === '"') {
        inString = true;
        current = '';
        isQueryValue = out.trimEnd().endsWith(':') && lastKey === 'query';
      }
      out += c;
      continue;
    }
    if (c === '\\') {
      out += c + (text[i + 1] ?? '');
      current += c + (text[i + 1] ?? '');
      i++;
    } else if (c === '"') {
      inString = false;
      out += c;
      if (/^\s*:/.test(text.slice(i + 1))) lastKey = current;
    } else if (c === '\n') {
      if (isQueryValue) {
        out += ' ';
        current += ' ';
      }
    } else {
      out += c;
      current += c;
    }
  }
  return out;
}

/** curl's `-F name="quoted value"`: the quotes are curl's, `\"` and `\\` its escapes. */
function formPart(arg: string): { name: string; value: string; file: boolean } {
  const eq = arg.indexOf('=');
  const name = arg.slice(0, eq);
  let value = arg.slice(eq + 1);
  if (value.startsWith('@')) return { name, value: value.slice(1).replace(/^"|"$/g, ''), file: true };
  if (value.startsWith('"')) {
    let v = '';
    for (let i = 1; i < value.length && value[i] !== '"'; i++) {
      if (value[i] === '\\' && '"\\'.includes(value[i + 1] ?? '')) i++;
      v += value[i];
    }
    value = v;
  }
  return { name, value: unwrapJson(value), file: false };
}

/** Every fenced block of the seed that holds a curl command, parsed. */
export function curlExamples(seed: string): CurlExample[] {
  const blocks = seed.split('```').filter((_, i) => i % 2 === 1);
  return blocks
    .filter((b) => /(^|\s)curl\s/.test(b))
    .map((block) => {
      const words = shellWords(block.slice(block.indexOf('curl')));
      const ex: CurlExample = { url: '', headers: {}, form: [] };
      for (let i = 1; i < words.length; i++) {
        const w = words[i] as string;
        const next = words[i + 1] ?? '';
        if (w === '-H' || w === '--header') {
          const colon = next.indexOf(':');
          ex.headers[next.slice(0, colon).trim().toLowerCase()] = next.slice(colon + 1).trim();
          i++;
        } else if (w === '--data' || w === '--data-raw') {
          ex.data = unwrapJson(next);
          i++;
        } else if (w === '--form' || w === '-F') {
          ex.form.push(formPart(next));
          i++;
        } else if (/^https?:/.test(w)) ex.url = w;
      }
      return ex;
    });
}
