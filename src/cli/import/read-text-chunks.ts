import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf8' | 'cp1251';

export interface TextChunk {
  text: string;
  /** File bytes consumed so far, for progress (the decoded text may be longer or shorter). */
  bytesRead: number;
}

/**
 * A file as decoded text, chunk by chunk, so that a multi-gigabyte export never sits in memory.
 * Stateful decoders carry a character split across two chunks over to the next one; a leading BOM
 * is dropped (Excel and 1С write one). Read errors surface from the loop, not as stray events.
 */
export async function* readTextChunks(path: string, encoding: TextEncoding): AsyncGenerator<TextChunk> {
  const decoder = iconv.getDecoder(encoding === 'utf8' ? 'utf8' : 'cp1251', { stripBOM: true });
  let bytesRead = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    bytesRead += (chunk as Buffer).length;
    const text = decoder.write(chunk as Buffer);
    if (text !== '') yield { text, bytesRead };
  }
  const rest = decoder.end();
  if (rest) yield { text: rest, bytesRead };
}
