import { platformTitle, useOrg } from '../context';
import { formatDate } from '../format';
import { Link } from '../router';
import { Empty, PageHeader } from '../ui';

export function Connections() {
  const { org, connections, platforms } = useOrg();
  const base = `/orgs/${encodeURIComponent(org.id)}`;
  return (
    <>
      <PageHeader title="Подключения">
        <Link to={`${base}/connections/new`} className="btn btn-primary">
          Новое подключение
        </Link>
      </PageHeader>
      {connections.length === 0 ? (
        <Empty title="Подключений нет">Нажмите «Новое подключение» и выберите платформу.</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Название</th>
              <th>Платформа</th>
              <th>Включено</th>
              <th>Расписание</th>
              <th>Изменено</th>
            </tr>
          </thead>
          <tbody>
            {connections.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`${base}/connections/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                </td>
                <td>{platformTitle(platforms, c.platform)}</td>
                <td>{c.enabled ? 'да' : 'нет'}</td>
                <td className="mono">
                  {String((c.settings.sync as { schedule?: string } | undefined)?.schedule ?? '—')}
                </td>
                <td>{formatDate(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
