import type { ServerResponse } from 'node:http';
import type { ApiAnswer } from './api-answer.js';

export function sendAnswer(res: ServerResponse, answer: ApiAnswer): void {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type':
      typeof answer.body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...answer.headers,
  });
  res.end(text);
}

export const json = (status: number, body: unknown): ApiAnswer => ({ status, headers: {}, body });
