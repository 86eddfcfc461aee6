import type { z } from 'zod';
import { exponentNumberText } from './parse-json.js';

/** Levels of objects and arrays free-form JSON may nest, the field itself being the first. */
export const FREE_FORM_MAX_DEPTH = 16;
/** Characters of JSON text free-form JSON may take. */
export const FREE_FORM_MAX_CHARS = 64 * 1024;

/**
 * Limits free-form JSON (`raw`): a billing attaches a few extra fields there, never megabytes or
 * thousands of levels — which would be stored and hashed with every record, and nested deep
 * enough make JSON.stringify overflow the stack. The depth is measured without recursion, before
 * anything serialises the value.
 */
export function checkFreeForm(value: unknown, ctx: z.core.$RefinementCtx): void {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null || exponentNumberText(v) !== undefined) continue;
    if (depth > FREE_FORM_MAX_DEPTH) {
      ctx.addIssue({
        code: 'custom',
        message: `free-form JSON nests deeper than ${FREE_FORM_MAX_DEPTH} levels`,
        params: { code: 'json_too_deep' },
      });
      return;
    }
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  const chars = JSON.stringify(value).length;
  if (chars > FREE_FORM_MAX_CHARS) {
    ctx.addIssue({
      code: 'custom',
      message: `free-form JSON takes ${chars} characters; at most ${FREE_FORM_MAX_CHARS} are kept`,
      params: { code: 'json_too_large' },
    });
  }
}
