import type { RecordError } from './issues-to-errors.js';

/**
 * Where a value holds text PostgreSQL cannot store: a lone UTF-16 surrogate (`"\ud800"` is valid
 * JSON, but no Unicode text — jsonb refuses it and fails the whole statement) or U+0000 (jsonb
 * and text columns refuse it). Answers the first such string or key as a record error naming the
 * field, or undefined. Walks without recursion.
 */
export function findUnstorableText(value: unknown): RecordError | undefined {
  const stack: Array<[unknown, string[]]> = [[value, []]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { ...problem, path: path.join('.') };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const entries = Array.isArray(v) ? v.map((c, i) => [String(i), c] as const) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const problem = textProblem(key);
      if (problem) {
        return { ...problem, path: path.join('.'), message: `a key in this object: ${problem.message}` };
      }
      stack.push([child, [...path, key]]);
    }
  }
  return undefined;
}

function textProblem(s: string): Omit<RecordError, 'path'> | undefined {
  const lone = LONE_SURROGATE.exec(s);
  if (lone) {
    const at = lone.index;
    const unit = s.charCodeAt(at).toString(16).toUpperCase();
    return {
      code: 'lone_surrogate',
      message: `contains a lone UTF-16 surrogate (U+${unit} at UTF-16 position ${at}), which is not text; check the sender's encoding`,
    };
  }
  if (s.includes('\u0000')) return { code: 'nul_character', message: 'contains the NUL character (U+0000)' };
  return undefined;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `s` with every lone surrogate replaced by U+FFFD, for showing it in an answer or a message. */
export function wellFormed(s: string): string {
  return s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}

/**
 * JSON.stringify's output holds an escaped lone surrogate or NUL (`\ud800`, `\u0000` preceded by
 * an even number of backslashes) exactly when the value holds one: a cheap test before the walk.
 */
export const UNSTORABLE_JSON_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/;
