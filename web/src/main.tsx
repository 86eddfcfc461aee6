import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { get, onUnauthorized, orgPath, session } from './api';
import { Ctx, type OrgContext } from './context';
import { Shell } from './pages/Shell';
import { SignIn } from './pages/SignIn';
import { Link, navigate, useLocation } from './router';
import type { Connection, Org, Platform } from './types';
import { ErrorBox, Loading } from './ui';
import './styles.css';

function App() {
  const [token, setToken] = useState(session.token());
  useEffect(
    () =>
      onUnauthorized(() => {
        session.signOut();
        setToken(null);
      }),
    [],
  );
  if (!token)
    return (
      <SignIn
        onSignedIn={(t) => {
          session.signIn(t);
          setToken(t);
        }}
      />
    );
  return (
    <Signed
      onSignOut={() => {
        session.signOut();
        setToken(null);
        navigate('/');
      }}
    />
  );
}

function Signed({ onSignOut }: { onSignOut: () => void }) {
  const { path } = useLocation();
  const [base, setBase] = useState<{ orgs: Org[]; platforms: Platform[] } | undefined>();
  const [error, setError] = useState<unknown>();
  const [connections, setConnections] = useState<Connection[] | undefined>();
  const orgId = /^\/orgs\/([^/]+)/.exec(path)?.[1];
  const org = orgId === undefined ? undefined : decodeURIComponent(orgId);

  useEffect(() => {
    Promise.all([get<Org[]>('/v1/orgs'), get<Platform[]>('/v1/platforms')])
      .then(([orgs, platforms]) => setBase({ orgs, platforms }))
      .catch(setError);
  }, []);

  const reloadConnections = useCallback(async () => {
    if (org === undefined) return;
    try {
      setConnections(await get<Connection[]>(orgPath(org, 'connections')));
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  }, [org]);
  useEffect(() => {
    setConnections(undefined);
    void reloadConnections();
  }, [reloadConnections]);

  useEffect(() => {
    if (base && org === undefined && base.orgs[0])
      navigate(`/orgs/${encodeURIComponent(base.orgs[0].id)}/overview`);
  }, [base, org]);

  if (error !== undefined && (!base || !connections))
    return (
      <main className="center">
        <ErrorBox error={error} />
        {base?.orgs.map((o) => (
          <p key={o.id}>
            <Link to={`/orgs/${encodeURIComponent(o.id)}/overview`}>Перейти к «{o.name}»</Link>
          </p>
        ))}
        <button type="button" className="btn" onClick={onSignOut}>
          Выйти
        </button>
      </main>
    );
  if (!base) return <Loading />;
  if (base.orgs.length === 0)
    return (
      <main className="center">
        <p>Токен не видит ни одной организации. Создайте её: `zhkh-bridge orgs create` или POST /v1/orgs.</p>
      </main>
    );
  const current = base.orgs.find((o) => o.id === org);
  if (!current || !connections) return <Loading />;
  const ctx: OrgContext = {
    org: current,
    orgs: base.orgs,
    platforms: base.platforms,
    connections,
    reloadConnections,
    admin: base.orgs.length > 1,
  };
  return (
    <Ctx.Provider value={ctx}>
      <Shell onSignOut={onSignOut} />
    </Ctx.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
