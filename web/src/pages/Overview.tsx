import { useEffect } from 'react';
import { get, orgPath } from '../api';
import { platformTitle, useOrg } from '../context';
import { formatCount, formatDate } from '../format';
import { Link } from '../router';
import type { ConnectionHealth, Kind } from '../types';
import { Empty, ErrorBox, Loading, PageHeader, StatePill, useApi } from '../ui';

const HEALTH: Record<ConnectionHealth['health'], string> = {
  green: 'в порядке',
  amber: 'требует внимания',
  red: 'сбой',
  off: 'выключено',
};

/** Each connection as a card: is the exchange working, what failed, when it runs next. */
export function Overview() {
  const { org, platforms } = useOrg();
  const base = `/orgs/${encodeURIComponent(org.id)}`;
  const { data, error } = useApi(
    () => get<{ connections: ConnectionHealth[] }>(orgPath(org.id, 'overview')),
    [org.id],
    10_000,
  );
  const counts = useApi(async () => {
    const [one, kinds] = await Promise.all([
      get<{ counts: Record<string, number> }>(orgPath(org.id)),
      get<Kind[]>('/v1/kinds'),
    ]);
    return { counts: one.counts, canonical: new Set(kinds.map((k) => k.name)) };
  }, [org.id]);
  useEffect(() => {
    // The browser test reads this mark: the overview's first paint with data.
    if (data && !performance.getEntriesByName('overview-ready').length) performance.mark('overview-ready');
  }, [data]);
  return (
    <>
      <PageHeader title={`Обзор — ${org.name}`} />
      <ErrorBox error={error} />
      {!data && !error && <Loading />}
      {data && data.connections.length === 0 && (
        <Empty title="Подключений пока нет">
          Подключите организацию к платформе: <Link to={`${base}/connections/new`}>новое подключение</Link>.
        </Empty>
      )}
      <div className="cards">
        {data?.connections.map((c) => (
          <article key={c.id} className={`card health-${c.health}`} data-testid={`card-${c.name}`}>
            <header>
              <span className={`dot dot-${c.health}`} title={HEALTH[c.health]} />
              <Link to={`${base}/connections/${encodeURIComponent(c.id)}`}>{c.name}</Link>
              <span className="muted small">{platformTitle(platforms, c.platform)}</span>
            </header>
            <div className="health-label">{HEALTH[c.health]}</div>
            {c.lastRun ? (
              <dl>
                <dt>Последний запуск</dt>
                <dd>
                  <Link to={`${base}/runs/${c.lastRun.id}`}>№{c.lastRun.id}</Link>{' '}
                  <StatePill state={c.lastRun.state} />{' '}
                  {formatDate(c.lastRun.finishedAt ?? c.lastRun.createdAt)}
                </dd>
                <dt>Отправлено / без изменений / ошибок / получено</dt>
                <dd className="num">
                  {formatCount(c.lastRun.sent)} / {formatCount(c.lastRun.unchanged)} /{' '}
                  {formatCount(c.lastRun.failed)} / {formatCount(c.lastRun.received)}
                </dd>
              </dl>
            ) : (
              <p className="muted">Ещё не запускалось</p>
            )}
            <dl>
              <dt>Открытых ошибок записей</dt>
              <dd>
                {c.openErrors > 0 ? (
                  <Link to={`${base}/errors?connection=${encodeURIComponent(c.id)}`}>
                    {formatCount(c.openErrors)}
                  </Link>
                ) : (
                  '0'
                )}
              </dd>
              <dt>Следующий запуск</dt>
              <dd>{c.nextRunAt ? formatDate(c.nextRunAt) : c.enabled ? 'нет расписания' : 'выключено'}</dd>
            </dl>
          </article>
        ))}
      </div>
      {counts.data && Object.keys(counts.data.counts).length > 0 && (
        <section>
          <h2>Записи организации</h2>
          <div className="counts">
            {Object.entries(counts.data.counts).map(([kind, n]) =>
              counts.data!.canonical.has(kind) ? (
                <Link key={kind} to={`${base}/records?kind=${kind}`} className="count">
                  <span className="num">{formatCount(n)}</span> {kind}
                </Link>
              ) : (
                <span key={kind} className="count muted" title="данные платформы, не каноническая запись">
                  <span className="num">{formatCount(n)}</span> {kind}
                </span>
              ),
            )}
          </div>
        </section>
      )}
    </>
  );
}
