import { useState } from 'react';
import { api, get, orgPath, post } from '../api';
import { connectionName, platformTitle, useOrg } from '../context';
import { formatDate } from '../format';
import { navigate, useLocation } from '../router';
import type { InboxAction, InboxItem } from '../types';
import { ActionButton, Empty, ErrorBox, Json, Loading, PageHeader, pick, useApi } from '../ui';

/** Fills a declared action body: `{payload.x}` from the item, `{input}` from the operator. */
function fill(template: unknown, item: InboxItem, input: string): unknown {
  if (typeof template === 'string') {
    if (template === '{input}') return input;
    const m = /^\{payload\.(.+)\}$/.exec(template);
    return m ? pick(item.payload, m[1]!) : template;
  }
  if (Array.isArray(template)) return template.map((t) => fill(t, item, input));
  if (template && typeof template === 'object')
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fill(v, item, input)]));
  return template;
}

/** What platforms sent back, with the platforms' own actions on a row (registration decisions). */
export function Inbox() {
  const { org, connections, platforms } = useOrg();
  const { query } = useLocation();
  const base = `/orgs/${encodeURIComponent(org.id)}`;
  const kind = query.get('kind') ?? '';
  const platform = query.get('platform') ?? '';
  const all = query.get('all') === '1';
  const [open, setOpen] = useState<number | null>(null);
  const { data, error, reload } = useApi(() => {
    const q = new URLSearchParams({ limit: '200' });
    if (all) q.set('after', '0');
    if (kind) q.set('kind', kind);
    if (platform) q.set('platform', platform);
    return get<{ items: InboxItem[]; ackedThrough: number; next: number | null }>(
      `${orgPath(org.id, 'inbox')}?${q}`,
    );
  }, [org.id, kind, platform, all]);
  const filter = (k: string, v: string) => {
    const q = new URLSearchParams(query);
    if (v) q.set(k, v);
    else q.delete(k);
    navigate(`${base}/inbox${q.size ? `?${q}` : ''}`);
  };
  const actionsFor = (item: InboxItem): InboxAction[] =>
    platforms
      .find((p) => p.platform === item.platform)
      ?.console.inboxActions?.filter((a) => a.kind === item.kind) ?? [];
  const run = async (a: InboxAction, item: InboxItem) => {
    let input = '';
    if (a.input) {
      input = window.prompt(a.input.title) ?? '';
      if (a.input.required && input.trim() === '') return undefined;
    }
    const path = a.path
      .replace('{org}', encodeURIComponent(org.id))
      .replace('{connection}', encodeURIComponent(item.connectionId));
    const res = await api<{ runs?: number[] }>('POST', path, fill(a.body, item, input));
    return `${a.title}: принято${res?.runs?.length ? `, запуск №${res.runs.join(', №')}` : ''}`;
  };
  const items = data?.items ?? [];
  const kinds = [...new Set([...items.map((i) => i.kind), kind].filter(Boolean))].sort();
  const used = [...new Set(connections.map((c) => c.platform))];
  return (
    <>
      <PageHeader title="Входящие">
        {items.length > 0 && (
          <ActionButton
            label="Подтвердить до последней"
            confirm={`Отметить входящие обработанными до №${items.at(-1)!.cursor} включительно?`}
            run={async () => {
              const r = await post<{ ackedThrough: number }>(orgPath(org.id, 'inbox', 'ack'), {
                cursor: items.at(-1)!.cursor,
              });
              await reload();
              return `Подтверждено до №${r.ackedThrough}`;
            }}
          />
        )}
      </PageHeader>
      <div className="filters">
        <select aria-label="Вид" value={kind} onChange={(e) => filter('kind', e.target.value)}>
          <option value="">все виды</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <select aria-label="Платформа" value={platform} onChange={(e) => filter('platform', e.target.value)}>
          <option value="">все платформы</option>
          {used.map((p) => (
            <option key={p} value={p}>
              {platformTitle(platforms, p)}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => filter('all', e.target.checked ? '1' : '')} />
          показать и подтверждённые
        </label>
        {data && <span className="muted small">подтверждено до №{data.ackedThrough}</span>}
      </div>
      <ErrorBox error={error} />
      {!data && !error && <Loading />}
      {data && items.length === 0 && (
        <Empty title="Новых входящих нет">
          Здесь появятся показания, платежи, заявки и запросы на регистрацию, когда платформы их пришлют
          (синхронизация «с платформы»).
        </Empty>
      )}
      {items.length > 0 && (
        <table data-testid="inbox">
          <thead>
            <tr>
              <th>№</th>
              <th>Получено</th>
              <th>Подключение</th>
              <th>Вид</th>
              <th>Id на платформе</th>
              <th>Действия</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <InboxRow
                key={item.cursor}
                item={item}
                open={open === item.cursor}
                toggle={() => setOpen(open === item.cursor ? null : item.cursor)}
                connection={connectionName(connections, item.connectionId)}
                ack={async () => {
                  const r = await post<{ ackedThrough: number }>(orgPath(org.id, 'inbox', 'ack'), {
                    cursor: item.cursor,
                  });
                  await reload();
                  return `Подтверждено до №${r.ackedThrough}`;
                }}
                actions={actionsFor(item).map((a) => (
                  <ActionButton
                    key={a.title}
                    label={a.title}
                    kind={a.input ? 'danger' : 'primary'}
                    run={() => run(a, item)}
                  />
                ))}
              />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function InboxRow(p: {
  ack: () => Promise<string>;
  item: InboxItem;
  open: boolean;
  toggle: () => void;
  connection: string;
  actions: React.ReactNode[];
}) {
  return (
    <>
      <tr data-kind={p.item.kind} data-cursor={p.item.cursor}>
        <td>{p.item.cursor}</td>
        <td>{formatDate(p.item.receivedAt)}</td>
        <td>{p.connection}</td>
        <td>{p.item.kind}</td>
        <td className="mono">{p.item.sourceId}</td>
        <td>
          <button type="button" className="btn btn-plain" onClick={p.toggle}>
            {p.open ? 'Скрыть' : 'Данные'}
          </button>
          <ActionButton
            label="Подтвердить до сюда"
            confirm={`Отметить входящие обработанными до №${p.item.cursor} включительно?`}
            run={p.ack}
          />
          {p.actions}
        </td>
      </tr>
      {p.open && (
        <tr>
          <td colSpan={6}>
            <Json value={p.item.payload} />
          </td>
        </tr>
      )}
    </>
  );
}
