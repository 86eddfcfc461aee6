import { parseNdjsonLine } from '../../store/parse-ndjson-line.js';
import type { ReadItem } from './read-item.js';
import { readTextChunks, type TextEncoding } from './read-text-chunks.js';

/**
 * NDJSON / JSON Lines, streamed line by line. A line that is not JSON becomes that record's
 * `malformed_json` error naming the line, like the hub's NDJSON endpoint does: the other lines land.
 * Blank lines are skipped but counted, so line numbers match an editor's.
 */
export async function* readNdjsonRecords(path: string, encoding: TextEncoding): AsyncGenerator<ReadItem> {
  let rest = '';
  let line = 0;
  let bytesRead = 0;
  for await (const chunk of readTextChunks(path, encoding)) {
    bytesRead = chunk.bytesRead;
    const lines = (rest + chunk.text).split('\n');
    rest = lines.pop()!;
    for (const text of lines) {
      line++;
      const record = parseNdjsonLine(text, line);
      if (record !== undefined) yield { record, line, bytesRead };
    }
  }
  if (rest !== '') {
    line++;
    const record = parseNdjsonLine(rest, line);
    if (record !== undefined) yield { record, line, bytesRead };
  }
}
