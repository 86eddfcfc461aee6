import type { ConnectionInfo } from '../../store/connection-store.js';
import { formatTable } from '../format-table.js';

const when = (iso: string) => `${iso.replace('T', ' ').slice(0, 19)} UTC`;

/** Where the connection's platform lives (the setting differs per platform). */
function addressOf(c: ConnectionInfo): string | null {
  const s = c.settings;
  const url = s.baseUrl ?? s.coreUrl;
  return typeof url === 'string' ? url : null;
}

function scheduleOf(c: ConnectionInfo): string | null {
  const sync = c.settings.sync as { schedule?: unknown } | undefined;
  return typeof sync?.schedule === 'string' ? sync.schedule : null;
}

/** The organisation's connections, one line each; the id is whole (it is what the API hands out). */
export function connectionsTable(list: readonly ConnectionInfo[]): string {
  return formatTable(
    ['name', 'platform', 'enabled', 'schedule (UTC)', 'address', 'credentials', 'id'],
    list.map((c) => [
      c.name,
      c.platform,
      c.enabled ? 'yes' : 'no',
      scheduleOf(c) ?? '-',
      addressOf(c) ?? '-',
      c.credentialFields.join(', ') || '-',
      c.id,
    ]),
  );
}

/** One connection whole: its fields, then its settings as JSON. Credentials only by field name. */
export function connectionText(c: ConnectionInfo): string {
  const fields: Array<[string, string]> = [
    ['name', c.name],
    ['id', c.id],
    ['platform', c.platform],
    ['enabled', c.enabled ? 'yes' : 'no'],
    [
      'credentials',
      c.credentialFields.length ? `${c.credentialFields.join(', ')} (values are never shown)` : 'none',
    ],
    ['created', when(c.createdAt)],
    ['updated', when(c.updatedAt)],
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  return [
    ...fields.map(([k, v]) => `${k.padEnd(width)}  ${v}`),
    'settings:',
    JSON.stringify(c.settings, null, 2),
  ].join('\n');
}
