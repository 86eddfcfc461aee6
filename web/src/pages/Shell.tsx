import { platformTitle, useOrg } from '../context';
import { timeZone } from '../format';
import { Link, match, navigate, useLocation } from '../router';
import { ConnectionEdit } from './ConnectionEdit';
import { Connections } from './Connections';
import { Errors } from './Errors';
import { ExtensionPage } from './ExtensionPage';
import { Inbox } from './Inbox';
import { Overview } from './Overview';
import { Records } from './Records';
import { Registries } from './Registries';
import { RunDetail } from './RunDetail';
import { Runs } from './Runs';

/** The signed-in frame: organisation switcher, navigation (core pages, then the platforms' own). */
export function Shell({ onSignOut }: { onSignOut: () => void }) {
  const { org, orgs, platforms, connections } = useOrg();
  const { path } = useLocation();
  const base = `/orgs/${encodeURIComponent(org.id)}`;
  const used = new Set(connections.map((c) => c.platform));
  const mine = platforms.filter((p) => used.has(p.platform));
  const extensions = mine.flatMap((p) =>
    (p.console.pages ?? []).map((page) => ({ platform: p.platform, page })),
  );
  const core: Array<[string, string]> = [
    ['overview', 'Обзор'],
    ['connections', 'Подключения'],
    ['runs', 'Запуски'],
    ['errors', 'Ошибки записей'],
    ['inbox', 'Входящие'],
    ['records', 'Записи'],
  ];
  if (mine.some((p) => p.registries)) core.push(['registries', 'Реестры платежей']);
  const rel = path.slice(base.length);
  return (
    <div className="layout">
      <nav className="sidebar">
        <div className="brand">zhkh-bridge</div>
        {orgs.length > 1 ? (
          <select
            aria-label="Организация"
            value={org.id}
            onChange={(e) => navigate(`/orgs/${encodeURIComponent(e.target.value)}/overview`)}
          >
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        ) : (
          <div className="org-name">{org.name}</div>
        )}
        <ul>
          {core.map(([to, title]) => (
            <li key={to}>
              <Link to={`${base}/${to}`} className={rel.startsWith(`/${to}`) ? 'active' : ''}>
                {title}
              </Link>
            </li>
          ))}
        </ul>
        {extensions.length > 0 && (
          <>
            <div className="nav-group">Платформы</div>
            <ul>
              {extensions.map(({ platform, page }) => (
                <li key={`${platform}/${page.id}`}>
                  <Link
                    to={`${base}/x/${platform}/${page.id}`}
                    className={rel.startsWith(`/x/${platform}/${page.id}`) ? 'active' : ''}
                  >
                    {page.title} <span className="muted small">{platformTitle(platforms, platform)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="sidebar-foot">
          <div className="muted small">Время: {timeZone}</div>
          <button type="button" className="btn btn-plain" onClick={onSignOut}>
            Выйти
          </button>
        </div>
      </nav>
      <main className="content">
        <Page rel={rel} />
      </main>
    </div>
  );
}

function Page({ rel }: { rel: string }) {
  const run = match('/runs/:id', rel);
  if (run) return <RunDetail id={Number(run.id)} />;
  if (rel.startsWith('/runs')) return <Runs />;
  if (match('/connections/new', rel)) return <ConnectionEdit key="new" />;
  const conn = match('/connections/:id', rel);
  if (conn) return <ConnectionEdit key={conn.id} id={conn.id} />;
  if (rel.startsWith('/connections')) return <Connections />;
  if (rel.startsWith('/errors')) return <Errors />;
  if (rel.startsWith('/inbox')) return <Inbox />;
  if (rel.startsWith('/records')) return <Records />;
  if (rel.startsWith('/registries')) return <Registries />;
  const ext = match('/x/:platform/:page', rel);
  if (ext) return <ExtensionPage platform={ext.platform!} pageId={ext.page!} />;
  return <Overview />;
}
