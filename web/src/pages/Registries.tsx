import { download, get, orgPath } from '../api';
import { connectionName, useOrg } from '../context';
import { formatCount, formatMoney } from '../format';
import { navigate, useLocation } from '../router';
import { ActionButton, Empty, ErrorBox, Loading, PageHeader, useApi } from '../ui';

interface Registry {
  connectionId: string;
  connectionName: string;
  platform: string;
  order: string;
  transferDate: string;
  count: number;
  amount: string;
  fee: string;
  encoding: 'windows-1251' | 'utf-8';
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A day's bank payment registries (platforms that build them: Doma.ai), each downloadable. */
export function Registries() {
  const { org, connections } = useOrg();
  const { query } = useLocation();
  const date = query.get('date') ?? today();
  const base = `/orgs/${encodeURIComponent(org.id)}`;
  const { data, error, loading } = useApi(
    () => get<{ registries: Registry[] }>(`${orgPath(org.id, 'registries')}?date=${date}`),
    [org.id, date],
  );
  const file = (r: Registry, encoding: string) =>
    `${orgPath(org.id, 'connections', r.connectionId, 'registry')}?${new URLSearchParams({ date, order: r.order, encoding })}`;
  return (
    <>
      <PageHeader title="Реестры платежей" />
      <div className="filters">
        <label>
          Дата перечисления{' '}
          <input
            type="date"
            value={date}
            onChange={(e) => navigate(`${base}/registries?date=${e.target.value}`)}
          />
        </label>
      </div>
      <ErrorBox error={error} />
      {loading && !data && <Loading />}
      {data && data.registries.length === 0 && (
        <Empty title={`За ${date.split('-').reverse().join('.')} реестров нет`}>
          Реестр складывается из платежей, перечисленных в этот день (статус DONE). Выберите другую дату или
          получите платежи синхронизацией «с платформы».
        </Empty>
      )}
      {data && data.registries.length > 0 && (
        <table data-testid="registries">
          <thead>
            <tr>
              <th>Подключение</th>
              <th>Платёжное поручение</th>
              <th className="num">Платежей</th>
              <th className="num">Сумма</th>
              <th className="num">Комиссия</th>
              <th>Файл</th>
            </tr>
          </thead>
          <tbody>
            {data.registries.map((r) => (
              <tr key={`${r.connectionId}/${r.order}`}>
                <td>{connectionName(connections, r.connectionId)}</td>
                <td className="mono">{r.order}</td>
                <td className="num">{formatCount(r.count)}</td>
                <td className="num">{formatMoney(r.amount)}</td>
                <td className="num">{formatMoney(r.fee)}</td>
                <td>
                  <ActionButton
                    label={`Скачать (${r.encoding})`}
                    run={() => download(file(r, r.encoding), `${r.order}.txt`)}
                  />
                  <ActionButton
                    label={r.encoding === 'utf-8' ? 'windows-1251' : 'UTF-8'}
                    run={() =>
                      download(file(r, r.encoding === 'utf-8' ? 'windows-1251' : 'utf-8'), `${r.order}.txt`)
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
