import { z } from 'zod';

/**
 * seed 001 §"Получение всех данных": every `Synchronization/Download*` answers `{Items, Page,
 * NoResults}`; page 1 is the first (absent or ≤ 0 means 1 too); `NoResults` true = past the end.
 */
export const DownloadPage = z.looseObject({
  Items: z
    .array(z.unknown())
    .nullish()
    .transform((v) => v ?? []),
  Page: z.number().int(),
  NoResults: z.boolean(),
});
export type DownloadPage = z.output<typeof DownloadPage>;

/** The lists, each with the entity its items are (seed 001 §"Получение всех данных"). */
export const DOWNLOAD_LISTS = [
  { list: 'Accounts', entity: 'Account' },
  { list: 'Flats', entity: 'Obj' },
  { list: 'Payments', entity: 'Payment' },
  { list: 'Counters', entity: 'Counter' },
  { list: 'Requests', entity: 'Request' },
  { list: 'Docs', entity: 'Doc' },
] as const;
export type DownloadList = (typeof DOWNLOAD_LISTS)[number]['list'];

/** "примерно по 200 объектов" a page. */
export const DOWNLOAD_PAGE_SIZE = 200;
