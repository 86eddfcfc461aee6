import { type FormEvent, useEffect, useState } from 'react';
import { api, get, orgPath, post } from '../api';
import { platformTitle, useOrg } from '../context';
import { navigate } from '../router';
import { type Schema, SchemaForm } from '../SchemaForm';
import type { Connection, Run } from '../types';
import { ActionButton, describeError, ErrorBox, Loading, PageHeader } from '../ui';
import { SyncNow } from './SyncNow';

type Obj = Record<string, unknown>;
interface Schemas {
  settings: Schema;
  credentials: Schema;
  sync: Schema;
}

function runsText(runs: Run[]): string {
  return runs.length ? `запуск ${runs.map((r) => `№${r.id}`).join(', ')}` : 'запусков нет';
}

/** Create or edit a connection; the forms come from the platform's settings schema. */
export function ConnectionEdit({ id }: { id?: string }) {
  const { org, platforms, connections, reloadConnections } = useOrg();
  const existing = id === undefined ? undefined : connections.find((c) => c.id === id || c.name === id);
  const [platform, setPlatform] = useState(existing?.platform ?? platforms[0]?.platform ?? '');
  const [schemas, setSchemas] = useState<Schemas>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const [name, setName] = useState(existing?.name ?? '');
  const { sync: storedSync, ...storedSettings } = existing?.settings ?? {};
  const [settings, setSettings] = useState<Obj>(storedSettings);
  const [schedule, setSchedule] = useState(String((storedSync as Obj | undefined)?.schedule ?? ''));
  const [credentials, setCredentials] = useState<Obj>({});
  const base = `/orgs/${encodeURIComponent(org.id)}`;

  useEffect(() => {
    if (!platform) return;
    get<Schemas>(`/v1/platforms/${encodeURIComponent(platform)}/settings-schema`).then(setSchemas, setError);
  }, [platform]);

  if (id !== undefined && !existing) return <ErrorBox error={new Error(`Подключение ${id} не найдено`)} />;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(undefined);
    const sync = { ...((storedSync as Obj | undefined) ?? {}) };
    if (schedule.trim()) sync.schedule = schedule.trim();
    else delete sync.schedule;
    try {
      if (!existing) {
        const body: Obj = {
          platform,
          name,
          settings: { ...settings, ...(Object.keys(sync).length ? { sync } : {}) },
        };
        if (Object.keys(credentials).length) body.credentials = credentials;
        const created = await post<Connection>(orgPath(org.id, 'connections'), body);
        await reloadConnections();
        navigate(`${base}/connections/${encodeURIComponent(created.id)}`);
        return;
      }
      // A merge patch: a field cleared in the form is removed (null), the rest replaces.
      const patch: Obj = { ...settings, sync: Object.keys(sync).length ? sync : null };
      for (const k of Object.keys(storedSettings)) if (!(k in settings)) patch[k] = null;
      const body: Obj = { name, settings: patch };
      if (Object.keys(credentials).length) body.credentials = credentials;
      const after = await api<Connection & { changed: string[] }>(
        'PATCH',
        orgPath(org.id, 'connections', existing.id),
        body,
      );
      setCredentials({});
      await reloadConnections();
      setSaved(after.changed.length ? `Сохранено: ${after.changed.join(', ')}` : 'Изменений нет');
    } catch (err) {
      setError(err);
    }
  };

  const path = existing ? orgPath(org.id, 'connections', existing.id) : '';
  const meta = platforms.find((p) => p.platform === platform);
  return (
    <>
      <PageHeader title={existing ? `Подключение «${existing.name}»` : 'Новое подключение'}>
        {existing && (
          <>
            <ActionButton
              label="Проверить подключение"
              kind="primary"
              run={async () => {
                const r = await post<{ ok: boolean; detail?: string; error?: string; code?: string }>(
                  `${path}/check`,
                );
                if (!r.ok) throw new Error(`Проверка не пройдена (${r.code ?? 'ошибка'}): ${r.error ?? ''}`);
                return `Проверка пройдена${r.detail ? `: ${r.detail}` : ''}`;
              }}
            />
            <ActionButton
              label={existing.enabled ? 'Выключить' : 'Включить'}
              run={async () => {
                await api('PATCH', path, { enabled: !existing.enabled });
                await reloadConnections();
              }}
            />
          </>
        )}
      </PageHeader>
      <ErrorBox error={error} />
      {saved && <div className="alert alert-ok">{saved}</div>}
      {existing && meta && (
        <section className="panel">
          <h2>Запуск</h2>
          <SyncNow connection={existing} platform={meta} />
          <div className="row">
            <ActionButton
              label="Повторить ошибочные"
              confirm="Отправить снова все записи с открытыми ошибками этого подключения?"
              run={async () => {
                const r = await post<{ requeued: Record<string, number>; runs: Run[] }>(
                  `${path}/retry-failed`,
                );
                const n = Object.values(r.requeued).reduce((a, b) => a + b, 0);
                return `В очередь снова: ${n}; ${runsText(r.runs)}`;
              }}
            />
            <ActionButton
              label="Отправить всё заново"
              kind="danger"
              confirm="Забыть, что платформа подтвердила, и отправить все записи заново? Это может занять долго."
              run={async () => {
                const r = await post<{ reset: number; runs: Run[] }>(`${path}/resend-all`);
                return `Сброшено подтверждений: ${r.reset}; ${runsText(r.runs)}`;
              }}
            />
          </div>
        </section>
      )}
      <form className="panel" onSubmit={(e) => void save(e)}>
        <h2>Настройки</h2>
        <div className="form-grid">
          {!existing && (
            <label>
              Платформа
              <select
                name="platform"
                value={platform}
                onChange={(e) => {
                  setPlatform(e.target.value);
                  setSettings({});
                  setCredentials({});
                }}
              >
                {platforms.map((p) => (
                  <option key={p.platform} value={p.platform}>
                    {platformTitle(platforms, p.platform)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            Название
            <input name="name" value={name} required onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Расписание (cron, UTC)
            <input
              name="schedule"
              className="mono"
              value={schedule}
              placeholder="*/15 * * * *"
              onChange={(e) => setSchedule(e.target.value)}
            />
          </label>
        </div>
        {meta && <p className="muted small">{meta.title}</p>}
        {!schemas ? (
          <Loading />
        ) : (
          <>
            <h3>Параметры платформы</h3>
            <SchemaForm schema={schemas.settings} prefix="settings" value={settings} onChange={setSettings} />
            <h3>Учётные данные</h3>
            <p className="muted small">
              Только запись: сохранённые значения не показываются
              {existing?.credentialFields.length
                ? ` (сохранены: ${existing.credentialFields.join(', ')})`
                : ''}
              .
            </p>
            <SchemaForm
              schema={schemas.credentials}
              prefix="credentials"
              secret
              storedFields={existing?.credentialFields}
              value={credentials}
              onChange={setCredentials}
            />
          </>
        )}
        <div className="row">
          <button type="submit" className="btn btn-primary">
            {existing ? 'Сохранить' : 'Создать'}
          </button>
          {existing && (
            <ActionButton
              label="Удалить подключение"
              kind="danger"
              confirm={`Удалить подключение «${existing.name}»? Его журнал и карта id удалятся.`}
              run={async () => {
                try {
                  await api('DELETE', path);
                } catch (err) {
                  throw new Error(describeError(err));
                }
                await reloadConnections();
                navigate(`${base}/connections`);
              }}
            />
          )}
        </div>
      </form>
    </>
  );
}
