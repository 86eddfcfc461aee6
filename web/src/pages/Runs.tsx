import { get, orgPath } from '../api';
import { connectionName, useOrg } from '../context';
import { formatCount, formatDate, formatDuration } from '../format';
import { Link, navigate, useLocation } from '../router';
import type { Run } from '../types';
import { Empty, ErrorBox, Loading, PageHeader, StatePill, useApi } from '../ui';

const STATES = ['queued', 'running', 'succeeded', 'partial', 'failed', 'cancelled'];
const STATE_RU: Record<string, string> = {
  queued: 'в очереди',
  running: 'идёт',
  succeeded: 'успешно',
  partial: 'частично',
  failed: 'ошибка',
  cancelled: 'отменён',
};

/** Sync runs, newest first, filtered by connection and state (kept in the URL's query). */
export function Runs() {
  const { org, connections } = useOrg();
  const { query } = useLocation();
  const connection = query.get('connection') ?? '';
  const state = query.get('state') ?? '';
  const base = `/orgs/${encodeURIComponent(org.id)}`;
  const { data, error } = useApi(
    () => {
      const q = new URLSearchParams({ limit: '100' });
      if (connection) q.set('connection', connection);
      if (state) q.set('state', state);
      return get<{ items: Run[] }>(`${orgPath(org.id, 'runs')}?${q}`);
    },
    [org.id, connection, state],
    5000,
  );
  const filter = (k: string, v: string) => {
    const q = new URLSearchParams(query);
    if (v) q.set(k, v);
    else q.delete(k);
    navigate(`${base}/runs${q.size ? `?${q}` : ''}`);
  };
  return (
    <>
      <PageHeader title="Запуски" />
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
        <select aria-label="Состояние" value={state} onChange={(e) => filter('state', e.target.value)}>
          <option value="">все состояния</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_RU[s]}
            </option>
          ))}
        </select>
      </div>
      <ErrorBox error={error} />
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && (
        <Empty title="Запусков нет">
          Запустите синхронизацию со страницы подключения или дождитесь расписания.
        </Empty>
      )}
      {data && data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>№</th>
              <th>Подключение</th>
              <th>Состояние</th>
              <th>Повод</th>
              <th className="num">Отправлено</th>
              <th className="num">Без изм.</th>
              <th className="num">Ошибок</th>
              <th className="num">Получено</th>
              <th>Начат</th>
              <th>Длительность</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`${base}/runs/${r.id}`}>№{r.id}</Link>
                </td>
                <td>{connectionName(connections, r.connectionId)}</td>
                <td>
                  <StatePill state={r.state} />
                </td>
                <td>{r.trigger ?? '—'}</td>
                <td className="num">{formatCount(r.sent)}</td>
                <td className="num">{formatCount(r.unchanged)}</td>
                <td className="num">{formatCount(r.failed)}</td>
                <td className="num">{formatCount(r.received)}</td>
                <td>{formatDate(r.startedAt ?? r.createdAt)}</td>
                <td>{formatDuration(r.startedAt, r.finishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
