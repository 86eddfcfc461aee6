import { useState } from 'react';
import { orgPath, post } from '../api';
import { useOrg } from '../context';
import { navigate } from '../router';
import type { Connection, Platform, Run } from '../types';
import { ActionButton } from '../ui';

/** "Sync now": which kinds (all by default) and which direction. */
export function SyncNow({ connection, platform }: { connection: Connection; platform: Platform }) {
  const { org } = useOrg();
  const [direction, setDirection] = useState<'both' | 'outbound' | 'inbound'>('both');
  const [kinds, setKinds] = useState<string[]>([]);
  const all = [...platform.outbound, ...platform.inbound];
  return (
    <div className="sync-now">
      <label>
        Направление
        <select
          name="direction"
          value={direction}
          onChange={(e) => setDirection(e.target.value as typeof direction)}
        >
          <option value="both">туда и обратно</option>
          <option value="outbound">на платформу</option>
          <option value="inbound">с платформы</option>
        </select>
      </label>
      <div className="kinds">
        {all.map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={kinds.includes(k)}
              onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))}
            />
            {k}
          </label>
        ))}
      </div>
      <ActionButton
        label="Синхронизировать сейчас"
        kind="primary"
        disabled={!connection.enabled}
        run={async () => {
          const r = await post<{ runs: Run[] }>(orgPath(org.id, 'sync'), {
            connection: connection.id,
            direction,
            ...(kinds.length ? { kinds } : {}),
          });
          const first = r.runs[0];
          if (first) navigate(`/orgs/${encodeURIComponent(org.id)}/runs/${first.id}`);
        }}
      />
      {!connection.enabled && <span className="muted small">Подключение выключено</span>}
    </div>
  );
}
