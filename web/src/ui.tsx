import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';

/** Loads data for a page; `reload` runs it again, `poll` (ms) keeps it fresh. */
export function useApi<T>(load: () => Promise<T>, deps: unknown[], poll?: number) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  // The loader changes every render; it is read through a ref and reloaded when `deps` change.
  const loader = useRef(load);
  loader.current = load;
  const key = JSON.stringify(deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the caller's deps
  const reload = useCallback(async () => {
    try {
      setData(await loader.current());
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [key]);
  useEffect(() => {
    setLoading(true);
    void reload();
    if (!poll) return;
    const t = setInterval(() => void reload(), poll);
    return () => clearInterval(t);
  }, [reload, poll]);
  return { data, error, loading, reload, setData };
}

export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return `401 — токен не принят: ${err.message}`;
    if (err.status === 403) return `403 — нет доступа: ${err.message}`;
    return `${err.status} ${err.code}: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export function ErrorBox({ error }: { error: unknown }) {
  if (error === undefined) return null;
  return (
    <div className="alert alert-error" role="alert">
      {describeError(error)}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-ok" role="status">
      {children}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <strong>{title}</strong>
      {children && <p>{children}</p>}
    </div>
  );
}

export function Loading() {
  return <p className="muted">Загрузка…</p>;
}

const STATE_RU: Record<string, string> = {
  queued: 'в очереди',
  running: 'идёт',
  succeeded: 'успешно',
  partial: 'частично',
  failed: 'ошибка',
  cancelled: 'отменён',
  open: 'открыта',
  resolved: 'решена',
  pending: 'ожидает',
  done: 'выполнено',
  rejected: 'отклонено',
};
const STATE_TONE: Record<string, string> = {
  succeeded: 'green',
  done: 'green',
  resolved: 'green',
  partial: 'amber',
  cancelled: 'amber',
  queued: 'grey',
  pending: 'grey',
  running: 'blue',
  failed: 'red',
  rejected: 'red',
  open: 'red',
};

export function StatePill({ state }: { state: string }) {
  return <span className={`pill pill-${STATE_TONE[state] ?? 'grey'}`}>{STATE_RU[state] ?? state}</span>;
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      <div className="actions">{children}</div>
    </div>
  );
}

/** A button for an action with a confirmation, a busy state and its answer shown next to it. */
export function ActionButton(props: {
  label: string;
  confirm?: string;
  run: () => Promise<string | undefined | null | unknown>;
  kind?: 'primary' | 'danger' | 'plain';
  disabled?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();
  const click = async () => {
    if (props.confirm && !window.confirm(props.confirm)) return;
    setBusy(true);
    setResult(undefined);
    try {
      const text = await props.run();
      if (typeof text === 'string' && text) setResult({ ok: true, text });
    } catch (err) {
      setResult({ ok: false, text: describeError(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="action">
      <button
        type="button"
        className={`btn btn-${props.kind ?? 'plain'}`}
        disabled={busy || props.disabled}
        onClick={() => void click()}
      >
        {busy ? '…' : props.label}
      </button>
      {result && (
        <span className={result.ok ? 'result-ok' : 'result-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </span>
      )}
    </span>
  );
}

/** A dotted path into a row (`command.requestId`). */
export function pick(row: unknown, field: string): unknown {
  let v: unknown = row;
  for (const part of field.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

export function Json({ value }: { value: unknown }) {
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}
