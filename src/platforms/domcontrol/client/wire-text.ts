import { writeJson } from '../contract/write-json.js';

/** JSON text per payload object: the engine sizes a record (`sizeOf`) before `deliver` sends it. */
const texts = new WeakMap<object, string>();

/** The JSON text of a record's payload, written once per payload object. */
export function wireText(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return writeJson(payload);
  let text = texts.get(payload);
  if (text === undefined) {
    text = writeJson(payload);
    texts.set(payload, text);
  }
  return text;
}
