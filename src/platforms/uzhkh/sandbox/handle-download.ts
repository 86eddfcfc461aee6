import type { ServerResponse } from 'node:http';
import { DOWNLOAD_LISTS } from '../contract/download-page.js';
import { sendAnswer } from './send-answer.js';
import type { UzhkhRuntime } from './uzhkh-runtime.js';
import { servedSnapshot } from './wire-time.js';

/**
 * seed 001 §"Получение всех данных": `Synchronization/Download<List>?page=N` — `{Items, Page,
 * NoResults}`; page absent, 0 or less is the first; a page past the end has no items and NoResults.
 */
export function handleDownload(
  rt: UzhkhRuntime,
  res: ServerResponse,
  list: string,
  query: URLSearchParams,
): boolean {
  const found = DOWNLOAD_LISTS.find((l) => l.list.toLowerCase() === list.toLowerCase());
  if (!found) return false;
  rt.stats.downloads++;
  const raw = Number.parseInt(query.get('page') ?? '', 10);
  const page = Number.isFinite(raw) && raw > 0 ? raw : 1;
  const size = rt.faults.downloadPageSize;
  const all = [...rt.world.entities.of(found.entity).values()];
  const items = all.slice((page - 1) * size, page * size).map((s) => servedSnapshot(s, rt.faults.dateStyle));
  sendAnswer(res, 200, { Items: items, Page: page, NoResults: items.length === 0 });
  return true;
}
