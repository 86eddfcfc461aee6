import { get, orgPath, post } from '../api';
import { connectionName, useOrg } from '../context';
import { formatCount, formatDate, formatDuration } from '../format';
import { Link } from '../router';
import type { Run } from '../types';
import { ActionButton, Empty, ErrorBox, Loading, PageHeader, StatePill, useApi } from '../ui';

const FINAL = ['succeeded', 'partial', 'failed', 'cancelled'];
const TYPE_RU: Record<string, string> = {
  batch: 'пакет',
  page: 'страница',
  callback: 'колбэк',
  check: 'проверка',
};

/** One run, polled every second while it is not final: progress, counts, its operations, cancel. */
export function RunDetail({ id }: { id: number }) {
  const { org, connections } = useOrg();
  const base = `/orgs/${encodeURIComponent(org.id)}`;
  const path = orgPath(org.id, 'runs', String(id));
  const run = useApi(() => get<Run>(path), [path], 1000);
  const live = run.data !== undefined && !FINAL.includes(run.data.state);
  const ops = useApi(
    () => get<{ items: Run[] }>(`${path}/operations?limit=200`),
    [path, live],
    live ? 1000 : undefined,
  );
  const r = run.data;
  if (!r) return run.error ? <ErrorBox error={run.error} /> : <Loading />;
  const planned = r.progress?.planned ?? r.planned;
  const processed = r.progress?.processed ?? r.sent + r.unchanged + r.failed;
  const pct = planned
    ? Math.min(100, Math.round((processed / planned) * 100))
    : FINAL.includes(r.state)
      ? 100
      : 0;
  return (
    <>
      <PageHeader title={`Запуск №${r.id}`}>
        {live && (
          <ActionButton
            label="Отменить"
            kind="danger"
            confirm={`Отменить запуск №${r.id}? Текущий пакет будет доотправлен.`}
            run={async () => {
              await post(`${path}/cancel`);
              await run.reload();
              return 'Отмена запрошена';
            }}
          />
        )}
      </PageHeader>
      <section className="panel">
        <div className="row">
          <StatePill state={r.state} />
          <span>
            {connectionName(connections, r.connectionId)} · {r.kind ?? 'все виды'} · повод: {r.trigger ?? '—'}
          </span>
          {r.cancelRequested && live && <span className="pill pill-amber">отмена запрошена</span>}
        </div>
        <div
          className="progress"
          role="progressbar"
          aria-valuenow={pct}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div
            className={`bar bar-${pct}`}
            data-pct={pct}
            ref={(el) => el?.style.setProperty('width', `${pct}%`)}
          />
        </div>
        <p className="muted small">
          Обработано {formatCount(processed)} из {planned === null ? '?' : formatCount(planned)} · начат{' '}
          {formatDate(r.startedAt)} · {formatDuration(r.startedAt, r.finishedAt)}
        </p>
        <dl className="stats">
          {(
            [
              ['Отправлено', r.sent],
              ['Без изменений', r.unchanged],
              ['Ошибок', r.failed],
              ['Получено', r.received],
              ['Подтверждено', r.acknowledged],
              ['HTTP-запросов', r.requests],
            ] as const
          ).map(([t, n]) => (
            <div key={t}>
              <dt>{t}</dt>
              <dd className="num">{formatCount(n)}</dd>
            </div>
          ))}
        </dl>
        {r.lastError && <div className="alert alert-error">Последняя ошибка: {r.lastError}</div>}
        {r.failed > 0 && (
          <Link to={`${base}/errors?connection=${encodeURIComponent(r.connectionId)}`}>
            Ошибки записей этого подключения →
          </Link>
        )}
      </section>
      <h2>Операции</h2>
      <ErrorBox error={ops.error} />
      {ops.data && ops.data.items.length === 0 && <Empty title="Операций пока нет" />}
      {ops.data && ops.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>№</th>
              <th>Тип</th>
              <th>Вид</th>
              <th>Состояние</th>
              <th className="num">Отпр.</th>
              <th className="num">Без изм.</th>
              <th className="num">Ошибок</th>
              <th className="num">Получено</th>
              <th className="num">Запросов</th>
              <th>Длительность</th>
              <th>Ошибка</th>
            </tr>
          </thead>
          <tbody>
            {ops.data.items.map((o) => (
              <tr key={o.id}>
                <td>{o.id}</td>
                <td>{TYPE_RU[o.type] ?? o.type}</td>
                <td>{o.kind ?? '—'}</td>
                <td>
                  <StatePill state={o.state} />
                </td>
                <td className="num">{formatCount(o.sent)}</td>
                <td className="num">{formatCount(o.unchanged)}</td>
                <td className="num">{formatCount(o.failed)}</td>
                <td className="num">{formatCount(o.received)}</td>
                <td className="num">{formatCount(o.requests)}</td>
                <td>{formatDuration(o.startedAt, o.finishedAt)}</td>
                <td className="wrap">{o.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
