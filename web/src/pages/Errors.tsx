import { useState } from 'react';
import { get, orgPath, post } from '../api';
import { connectionName, useOrg } from '../context';
import { formatCount, formatDate } from '../format';
import { Link, navigate, useLocation } from '../router';
import type { RecordError, Run } from '../types';
import { ActionButton, Empty, ErrorBox, Loading, PageHeader, StatePill, useApi } from '../ui';

/**
 * Records a platform refused: the platform's message and the masked excerpt, a link to the record.
 * Retrying goes through `…/retry-failed`, which re-queues a connection's open errors of a kind, so
 * "retry selected" retries the selected rows' connection-and-kind groups.
 */
export function Errors() {
  const { org, connections } = useOrg();
  const { query } = useLocation();
  const base = `/orgs/${encodeURIComponent(org.id)}`;
  const connection = query.get('connection') ?? '';
  const kind = query.get('kind') ?? '';
  const state = query.get('state') ?? 'open';
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const { data, error, reload } = useApi(
    () => {
      const q = new URLSearchParams({ limit: '500' });
      if (connection) q.set('connection', connection);
      if (kind) q.set('kind', kind);
      if (state) q.set('state', state);
      return get<{ items: RecordError[] }>(`${orgPath(org.id, 'record-errors')}?${q}`);
    },
    [org.id, connection, kind, state],
    5000,
  );
  const filter = (k: string, v: string) => {
    const q = new URLSearchParams(query);
    if (v) q.set(k, v);
    else q.delete(k);
    navigate(`${base}/errors${q.size ? `?${q}` : ''}`);
  };
  const items = data?.items ?? [];
  const kinds = [...new Set(items.map((e) => e.kind))].sort();
  const retry = async (groups: Array<[string, string | undefined]>) => {
    const runs: number[] = [];
    for (const [conn, k] of groups) {
      const r = await post<{ runs: Run[] }>(
        `${orgPath(org.id, 'connections', conn)}/retry-failed`,
        k ? { kind: k } : {},
      );
      runs.push(...r.runs.map((x) => x.id));
    }
    setSelected(new Set());
    await reload();
    return `Отправлено снова; запуски: ${runs.map((n) => `№${n}`).join(', ') || 'нет'}`;
  };
  const open = items.filter((e) => e.state === 'open');
  return (
    <>
      <PageHeader title="Ошибки записей">
        <ActionButton
          label={`Повторить выбранные (${selected.size})`}
          disabled={selected.size === 0}
          confirm="Отправить снова записи выбранных строк (по подключению и виду)?"
          run={() => {
            const groups = new Map<string, [string, string]>();
            for (const e of items.filter((x) => selected.has(x.id)))
              groups.set(`${e.connectionId}\n${e.kind}`, [e.connectionId, e.kind]);
            return retry([...groups.values()]);
          }}
        />
        <ActionButton
          label="Повторить все"
          kind="primary"
          disabled={open.length === 0}
          confirm="Отправить снова все записи с открытыми ошибками?"
          run={() => retry([...new Set(open.map((e) => e.connectionId))].map((c) => [c, kind || undefined]))}
        />
      </PageHeader>
      <div className="filters">
        <select
          aria-label="Подключение"
          value={connection}
          onChange={(e) => filter('connection', e.target.value)}
        >
          <option value="">все подключения</option>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select aria-label="Вид" value={kind} onChange={(e) => filter('kind', e.target.value)}>
          <option value="">все виды</option>
          {[...new Set([...kinds, kind].filter(Boolean))].map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <select aria-label="Состояние" value={state} onChange={(e) => filter('state', e.target.value)}>
          <option value="open">открытые</option>
          <option value="resolved">решённые</option>
        </select>
      </div>
      <ErrorBox error={error} />
      {!data && !error && <Loading />}
      {data && items.length === 0 && (
        <Empty title={state === 'open' ? 'Открытых ошибок нет' : 'Решённых ошибок нет'}>
          {state === 'open' ? 'Все записи приняты платформами.' : ''}
        </Empty>
      )}
      {items.length > 0 && (
        <table data-testid="record-errors">
          <thead>
            <tr>
              <th />
              <th>Подключение</th>
              <th>Вид</th>
              <th>Ключ</th>
              <th>Код</th>
              <th>Сообщение платформы</th>
              <th>Что отправлено (маскировано)</th>
              <th className="num">Попыток</th>
              <th>Последний раз</th>
              <th>Состояние</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`выбрать ${e.key}`}
                    checked={selected.has(e.id)}
                    onChange={(ev) => {
                      const next = new Set(selected);
                      if (ev.target.checked) next.add(e.id);
                      else next.delete(e.id);
                      setSelected(next);
                    }}
                  />
                </td>
                <td>{connectionName(connections, e.connectionId)}</td>
                <td>{e.kind}</td>
                <td className="mono">
                  <Link
                    to={`${base}/records?kind=${encodeURIComponent(e.kind)}&key=${encodeURIComponent(e.key)}`}
                  >
                    {e.key}
                  </Link>
                </td>
                <td className="mono">{e.code}</td>
                <td className="wrap">{e.message}</td>
                <td className="mono wrap small">{e.excerpt ?? ''}</td>
                <td className="num">{formatCount(e.attempts)}</td>
                <td>{formatDate(e.lastSeen)}</td>
                <td>
                  <StatePill state={e.state} />
                  {e.runId !== null && (
                    <>
                      {' '}
                      <Link to={`${base}/runs/${e.runId}`}>№{e.runId}</Link>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
