import { type FormEvent, useState } from 'react';
import { api } from '../api';
import { describeError } from '../ui';

/** The hub token typed in; checked against the API before it is kept (sessionStorage, this tab only). */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api('GET', '/v1/orgs', undefined, token.trim());
      onSignedIn(token.trim());
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="signin">
      <form onSubmit={(e) => void submit(e)} className="card">
        <h1>zhkh-bridge</h1>
        <p className="muted">Консоль оператора обмена с платформами ЖКХ</p>
        <label>
          Токен хаба
          <input
            name="token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            placeholder="zb_…"
            required
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy || token.trim() === ''}>
          Войти
        </button>
        {error && (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        )}
        <p className="muted small">
          Токен администратора или организации (`zhkh-bridge tokens create`). Хранится только в этой вкладке и
          никогда не попадает в адресную строку.
        </p>
      </form>
    </main>
  );
}
