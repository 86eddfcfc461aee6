import { type FormEvent, useState } from 'react';
import { get, orgPath } from '../api';
import { useOrg } from '../context';
import { formatDate } from '../format';
import { navigate, useLocation } from '../router';
import type { Kind } from '../types';
import { Empty, ErrorBox, Json, Loading, PageHeader, useApi } from '../ui';

interface StoredRecord {
  key: string;
  data: unknown;
  seq: number;
  deletedAt: string | null;
  updatedAt: string;
}
interface IdRow {
  entity: string;
  key: string;
  platformId: string;
  temporary?: boolean;
  lastSeen: string;
}

/** Canonical records, read-only: browse a kind in key order or open one key, with its platform ids. */
export function Records() {
  const { org, connections } = useOrg();
  const { query } = useLocation();
  const base = `/orgs/${encodeURIComponent(org.id)}`;
  const kinds = useApi(() => get<Kind[]>('/v1/kinds'), []);
  const kindName = query.get('kind') ?? 'account';
  const key = query.get('key') ?? '';
  const after = query.get('after') ?? '';
  const [typed, setTyped] = useState(key);
  const kind = kinds.data?.find((k) => k.name === kindName);
  const go = (q: Record<string, string>) => navigate(`${base}/records?${new URLSearchParams(q)}`);
  const page = useApi(async () => {
    if (!kind) return undefined;
    if (key) {
      const one = await get<StoredRecord>(
        `${orgPath(org.id, kind.plural)}/${key.split('/').map(encodeURIComponent).join('/')}`,
      );
      const ids = await Promise.all(
        connections.map(async (c) => ({
          connection: c.name,
          rows: (
            await get<{ items: IdRow[] }>(
              `${orgPath(org.id, 'connections', c.id, 'ids')}?${new URLSearchParams({ key, limit: '50' })}`,
            )
          ).items,
        })),
      );
      return { one, ids };
    }
    const q = new URLSearchParams({ limit: '50', includeDeleted: 'true' });
    if (after) q.set('after', after);
    return {
      list: await get<{ items: StoredRecord[]; next: string | null }>(`${orgPath(org.id, kind.plural)}?${q}`),
    };
  }, [org.id, kind?.plural, key, after]);
  const search = (e: FormEvent) => {
    e.preventDefault();
    go(typed.trim() ? { kind: kindName, key: typed.trim() } : { kind: kindName });
  };
  return (
    <>
      <PageHeader title="Записи" />
      <form className="filters" onSubmit={search}>
        <select aria-label="Вид" value={kindName} onChange={(e) => go({ kind: e.target.value })}>
          {kinds.data?.map((k) => (
            <option key={k.name} value={k.name}>
              {k.name}
            </option>
          ))}
        </select>
        <input
          aria-label="Ключ"
          className="mono"
          placeholder={kind ? `ключ: ${kind.keyFields.join(' / ')}` : 'ключ'}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="btn">
          Найти
        </button>
      </form>
      {kind && <p className="muted small">{kind.description}</p>}
      <ErrorBox error={kinds.error ?? page.error} />
      {page.loading && !page.data && <Loading />}
      {page.data?.one && (
        <section className="panel">
          <h2 className="mono">
            {kindName} {page.data.one.key}
          </h2>
          <p className="muted small">
            изменена {formatDate(page.data.one.updatedAt)}
            {page.data.one.deletedAt ? ` · удалена ${formatDate(page.data.one.deletedAt)}` : ''}
          </p>
          <Json value={page.data.one.data} />
          <h3>Id на платформах</h3>
          {page.data.ids.every((c) => c.rows.length === 0) ? (
            <Empty title="Ни одна платформа ещё не назвала свой id для этой записи" />
          ) : (
            <table data-testid="record-ids">
              <thead>
                <tr>
                  <th>Подключение</th>
                  <th>Сущность</th>
                  <th>Id на платформе</th>
                  <th>Видели</th>
                </tr>
              </thead>
              <tbody>
                {page.data.ids.flatMap((c) =>
                  c.rows.map((r) => (
                    <tr key={`${c.connection}/${r.entity}`}>
                      <td>{c.connection}</td>
                      <td>{r.entity}</td>
                      <td className="mono">
                        {r.platformId}
                        {r.temporary ? ' (временный)' : ''}
                      </td>
                      <td>{formatDate(r.lastSeen)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          )}
        </section>
      )}
      {page.data?.list && page.data.list.items.length === 0 && (
        <Empty title={`Записей вида ${kindName} нет`}>
          Их присылает биллинг: импорт 1С или POST /v1/orgs/{'{org}'}/{kind?.plural}.
        </Empty>
      )}
      {page.data?.list && page.data.list.items.length > 0 && (
        <>
          <table>
            <thead>
              <tr>
                <th>Ключ</th>
                <th>Изменена</th>
                <th>Данные</th>
              </tr>
            </thead>
            <tbody>
              {page.data.list.items.map((r) => (
                <tr key={r.key} className={r.deletedAt ? 'deleted' : ''}>
                  <td className="mono">
                    <a
                      href={`/ui${base}/records?${new URLSearchParams({ kind: kindName, key: r.key })}`}
                      onClick={(e) => {
                        e.preventDefault();
                        setTyped(r.key);
                        go({ kind: kindName, key: r.key });
                      }}
                    >
                      {r.key}
                    </a>
                  </td>
                  <td>{formatDate(r.updatedAt)}</td>
                  <td className="mono small clip">{JSON.stringify(r.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.data.list.next && (
            <button
              type="button"
              className="btn"
              onClick={() => go({ kind: kindName, after: page.data!.list!.next! })}
            >
              Дальше →
            </button>
          )}
        </>
      )}
    </>
  );
}
