/** What the /v1 API answers, as far as the console reads it (see /openapi.json). */
export interface Org {
  id: string;
  name: string;
}

export interface Run {
  id: number;
  connectionId: string;
  platform: string;
  type: string;
  kind: string | null;
  state: string;
  trigger: string | null;
  planned: number | null;
  sent: number;
  unchanged: number;
  failed: number;
  received: number;
  acknowledged: number;
  requests: number;
  lastError: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress?: { processed: number; planned: number | null };
}

export interface Connection {
  id: string;
  platform: string;
  name: string;
  settings: Record<string, unknown>;
  enabled: boolean;
  credentialFields: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ConnectionHealth {
  id: string;
  name: string;
  platform: string;
  enabled: boolean;
  lastRun: Run | null;
  openErrors: number;
  schedule: string | null;
  nextRunAt: string | null;
  health: 'green' | 'amber' | 'red' | 'off';
}

export interface ConsolePage {
  id: string;
  title: string;
  scope: 'org' | 'connection';
  description?: string;
  list: { path: string; items?: string; key: string; columns: Array<{ field: string; title: string }> };
  create?: {
    path: string;
    title: string;
    fields: Array<{
      name: string;
      title: string;
      type: 'string' | 'password' | 'boolean' | 'list';
      required?: boolean;
    }>;
  };
  remove?: { path: string; title: string };
}

export interface InboxAction {
  kind: string;
  title: string;
  path: string;
  body: unknown;
  input?: { title: string; required: boolean };
}

export interface Platform {
  platform: string;
  title: string;
  outbound: string[];
  inbound: string[];
  registries: boolean;
  console: { pages?: ConsolePage[]; inboxActions?: InboxAction[] };
}

export interface RecordError {
  id: number;
  connectionId: string;
  kind: string;
  key: string;
  runId: number | null;
  code: string;
  message: string;
  excerpt?: string;
  attempts: number;
  state: 'open' | 'resolved';
  firstSeen: string;
  lastSeen: string;
}

export interface InboxItem {
  cursor: number;
  connectionId: string;
  platform: string;
  kind: string;
  sourceId: string;
  receivedAt: string;
  payload: unknown;
}

export interface Kind {
  name: string;
  plural: string;
  keyFields: string[];
  description: string;
}
