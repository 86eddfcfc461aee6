import { extname } from 'node:path';

export type ImportFormat = 'ndjson' | 'json' | 'csv';
export const importFormats: readonly ImportFormat[] = ['ndjson', 'json', 'csv'];

const byExtension: Record<string, ImportFormat> = {
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.json': 'json',
  '.csv': 'csv',
  // 1С "выгрузка в текстовый файл" is a delimited text file with a .txt name.
  '.txt': 'csv',
};

/** The format a file's extension announces; undefined for extensions `import` does not read. */
export function formatFromFileName(path: string): ImportFormat | undefined {
  return byExtension[extname(path).toLowerCase()];
}
