import type { IncomingMessage, ServerResponse } from 'node:http';
import { uzhkhPaths } from '../contract/uzhkh-paths.js';
import { clientAllowed } from './client-allowed.js';
import { handleDecision, handleSetId } from './handle-commands.js';
import { handleDownload } from './handle-download.js';
import { handleDelete, handleDeletedItems, handleRequests } from './handle-queue.js';
import { sendAnswer } from './send-answer.js';
import type { UzhkhRuntime } from './uzhkh-runtime.js';

const lower = (p: string) => p.toLowerCase();
const DOWNLOAD = lower(uzhkhPaths.download);

/**
 * The platform's API: latency, the token + IP check (`notAuthorized` 403, seed 001 §"Присвоение Id"
 * answers), the error fault, then the route. Paths match case-insensitively, as ASP.NET routes do;
 * every method is a plain link ("перейти по ссылке"), so any HTTP method is accepted.
 */
export async function handleApi(
  rt: UzhkhRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  rt.stats.requests++;
  if (rt.faults.latencyMs > 0) await rt.sleep(rt.faults.latencyMs);
  if (!clientAllowed(rt, req)) {
    rt.stats.refused++;
    return sendAnswer(res, 403, 'notAuthorized');
  }
  if (rt.roll(rt.faults.errorRate)) {
    rt.stats.faults.error++;
    return sendAnswer(res, 500, 'error');
  }
  const p = lower(path);
  if (p === lower(uzhkhPaths.requests)) return handleRequests(rt, res);
  if (p === lower(uzhkhPaths.delete)) return handleDelete(rt, res, query);
  if (p === lower(uzhkhPaths.deletedItems)) return handleDeletedItems(rt, res);
  if (p === lower(uzhkhPaths.setId)) return handleSetId(rt, res, query);
  if (p === lower(uzhkhPaths.handleRegister)) return handleDecision(rt, res, 'register', query);
  if (p === lower(uzhkhPaths.handleObjectAdding)) return handleDecision(rt, res, 'objectAdding', query);
  if (p.startsWith(DOWNLOAD) && handleDownload(rt, res, path.slice(DOWNLOAD.length), query)) return;
  sendAnswer(res, 404, 'notFound');
}
