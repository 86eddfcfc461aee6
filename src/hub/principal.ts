import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';

/** Who is calling: an admin token (every organisation) or a token scoped to one organisation. */
export interface Principal {
  tokenId: string;
  orgId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Routes that need no token (health, docs, OpenAPI). */
    public?: boolean;
    /** The route also takes the metrics token (`/metrics`), which opens no other route. */
    scrape?: boolean;
  }
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new HttpError(401, 'unauthorized', 'missing or invalid bearer token');
  return req.principal;
}

export function requireAdmin(req: FastifyRequest): Principal {
  const p = principalOf(req);
  if (p.orgId !== null) throw new HttpError(403, 'forbidden', 'this needs an admin token');
  return p;
}
