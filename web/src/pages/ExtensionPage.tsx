import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { useOrg } from '../context';
import { formatDate } from '../format';
import { navigate, useLocation } from '../router';
import type { ConsolePage } from '../types';
import { ActionButton, Empty, ErrorBox, Loading, PageHeader, pick, StatePill, useApi } from '../ui';

function cell(v: unknown): React.ReactNode {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) return formatDate(v);
  if (typeof v === 'string' && ['pending', 'done', 'rejected'].includes(v)) return <StatePill state={v} />;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** A page a platform declares (`console.pages` of its connector): a table, a create form, delete. */
export function ExtensionPage({ platform, pageId }: { platform: string; pageId: string }) {
  const { org, platforms, connections } = useOrg();
  const { query } = useLocation();
  const page = platforms.find((p) => p.platform === platform)?.console.pages?.find((p) => p.id === pageId);
  const mine = connections.filter((c) => c.platform === platform);
  const connection = query.get('connection') ?? mine[0]?.id ?? '';
  if (!page) return <ErrorBox error={new Error(`Страницы ${platform}/${pageId} нет`)} />;
  if (page.scope === 'connection' && !connection)
    return <Empty title="Нет подключения к этой платформе">Создайте его на странице «Подключения».</Empty>;
  const fillPath = (p: string) =>
    p.replace('{org}', encodeURIComponent(org.id)).replace('{connection}', encodeURIComponent(connection));
  return (
    <>
      <PageHeader title={page.title} />
      {page.description && <p className="muted">{page.description}</p>}
      {page.scope === 'connection' && mine.length > 1 && (
        <div className="filters">
          <select
            aria-label="Подключение"
            value={connection}
            onChange={(e) =>
              navigate(
                `/orgs/${encodeURIComponent(org.id)}/x/${platform}/${pageId}?connection=${encodeURIComponent(e.target.value)}`,
              )
            }
          >
            {mine.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <Table key={`${org.id}/${connection}`} page={page} fillPath={fillPath} />
    </>
  );
}

function Table({ page, fillPath }: { page: ConsolePage; fillPath: (p: string) => string }) {
  const { data, error, reload } = useApi(async () => {
    const answer = await api('GET', fillPath(page.list.path));
    const rows = page.list.items ? pick(answer, page.list.items) : answer;
    return Array.isArray(rows) ? rows : [];
  }, [page.list.path]);
  return (
    <>
      {page.create && <CreateForm page={page} fillPath={fillPath} onDone={reload} />}
      <ErrorBox error={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && (
        <Empty title="Пока пусто">{page.create ? `«${page.create.title}» добавит первую запись.` : ''}</Empty>
      )}
      {data && data.length > 0 && (
        <table data-testid={`ext-${page.id}`}>
          <thead>
            <tr>
              {page.list.columns.map((c) => (
                <th key={c.field}>{c.title}</th>
              ))}
              {page.remove && <th />}
            </tr>
          </thead>
          <tbody>
            {data.map((row) => {
              const key = String(pick(row, page.list.key));
              return (
                <tr key={key}>
                  {page.list.columns.map((c) => (
                    <td key={c.field}>{cell(pick(row, c.field))}</td>
                  ))}
                  {page.remove && (
                    <td>
                      <ActionButton
                        label={page.remove.title}
                        kind="danger"
                        confirm={`${page.remove.title}: ${key}?`}
                        run={async () => {
                          await api('POST', fillPath(page.remove!.path), { keys: [key] });
                          await reload();
                        }}
                      />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

function CreateForm({
  page,
  fillPath,
  onDone,
}: {
  page: ConsolePage;
  fillPath: (p: string) => string;
  onDone: () => Promise<void>;
}) {
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const create = page.create!;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const item: Record<string, unknown> = {};
    for (const f of create.fields) {
      const v = values[f.name];
      if (v === undefined || v === '') continue;
      item[f.name] =
        f.type === 'list'
          ? String(v)
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean)
          : v;
    }
    try {
      const r = await api<{
        rejected?: number;
        results?: Array<{ errors?: Array<{ path: string; message: string }> }>;
      }>('POST', fillPath(create.path), [item]);
      const errors = r?.results?.flatMap((x) => x.errors ?? []) ?? [];
      if (r?.rejected)
        throw new Error(`Не принято: ${errors.map((x) => `${x.path}: ${x.message}`).join('; ')}`);
      setValues({});
      setResult({ ok: true, text: 'Сохранено' });
      await onDone();
    } catch (err) {
      setResult({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)}>
      <h2>{create.title}</h2>
      <div className="form-grid">
        {create.fields.map((f) =>
          f.type === 'boolean' ? (
            <label key={f.name} className="check">
              <input
                type="checkbox"
                name={f.name}
                checked={values[f.name] === true}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.checked })}
              />
              {f.title}
            </label>
          ) : (
            <label key={f.name}>
              <span>
                {f.title}
                {f.required && <span className="req"> *</span>}
              </span>
              <input
                name={f.name}
                type={f.type === 'password' ? 'password' : 'text'}
                autoComplete="off"
                required={f.required}
                value={String(values[f.name] ?? '')}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              />
            </label>
          ),
        )}
      </div>
      <button type="submit" className="btn btn-primary">
        {create.title}
      </button>
      {result && (
        <span className={result.ok ? 'result-ok' : 'result-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </span>
      )}
    </form>
  );
}
