import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * No Docker engine runs where the tests do, so the deployment files are linted instead: the
 * Dockerfile's stages, user and COPY sources, the compose file's services, and every command any of
 * them runs checked against the CLI's own --help.
 */
const root = join(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const built = existsSync(join(root, 'dist/cli/main.js'));

interface Instruction {
  op: string;
  args: string;
  line: number;
}

/** Dockerfile → instructions (continuations joined, comments dropped). */
function dockerInstructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) return;
    if (pending === '') start = i + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const full = pending + line;
    pending = '';
    const m = /^(\w+)\s+(.*)$/s.exec(full);
    if (m) out.push({ op: m[1]!.toUpperCase(), args: m[2]!.trim(), line: start });
  });
  return out;
}

/** A JSON-array (exec form) or shell-form argument list. */
const argv = (args: string): string[] =>
  args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);

/** `zhkh-bridge <command> --help`, cached. */
const helps = new Map<string, { status: number | null; stdout: string }>();
function cliHelp(command: string) {
  let h = helps.get(command);
  if (!h) {
    const args = command === '' ? ['--help'] : [command, '--help'];
    const r = spawnSync(process.execPath, [join(root, 'bin/zhkh-bridge.js'), ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    h = { status: r.status, stdout: r.stdout };
    helps.set(command, h);
  }
  return h;
}

/** Checks `[command, ...args]` is a CLI command and every --option it passes is one of its options. */
function expectRealCommand(where: string, args: string[]) {
  const [command, ...rest] = args;
  expect(command, where).toMatch(/^[a-z]/);
  const help = cliHelp(command!);
  expect(help.status, `${where}: zhkh-bridge ${command} is not a command`).toBe(0);
  expect(help.stdout, where).toContain(`Usage: zhkh-bridge ${command}`);
  for (const a of rest.filter((x) => x.startsWith('--'))) {
    const flag = a.split('=')[0]!;
    expect(help.stdout, `${where}: zhkh-bridge ${command} has no option ${flag}`).toMatch(
      new RegExp(`(^|[\\s,])${flag}(\\s|$|\\[|<)`, 'm'),
    );
  }
}

/** Paths .dockerignore leaves out of the build context (its simple, prefix-style lines). */
function dockerIgnored(path: string): boolean {
  const patterns = read('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  return patterns.some((p) => {
    const re = new RegExp(`^${p.replace(/[.+^${}()|]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`);
    return re.test(path.replace(/^\.\//, ''));
  });
}

describe('Dockerfile', () => {
  const steps = dockerInstructions(read('Dockerfile'));
  const args = new Map(
    steps
      .filter((s) => s.op === 'ARG' && s.args.includes('='))
      .map((s) => s.args.split('=') as [string, string]),
  );
  const expand = (s: string) => s.replace(/\$\{(\w+)\}/g, (_, k: string) => args.get(k) ?? `\${${k}}`);
  const froms = steps
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.op === 'FROM')
    .map(({ s, i }) => {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(s.args)!;
      return { image: expand(m[1]!), name: m[2], index: i };
    });

  it('builds in stages from the official node image, Node ≥ 22.12 as package.json asks', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(froms.map((f) => f.name)).toEqual(['build', 'runtime']);
    for (const f of froms) {
      expect(f.image).toMatch(/^node:(\d+)[-\w.]*$/);
      expect(Number(/^node:(\d+)/.exec(f.image)![1])).toBeGreaterThanOrEqual(22);
    }
    expect(JSON.parse(read('package.json')).engines.node).toBe('>=22.12');
  });

  it('runs as a non-root user in the final stage', () => {
    const last = froms.at(-1)!.index;
    const users = steps.slice(last).filter((s) => s.op === 'USER');
    expect(users.length).toBeGreaterThan(0);
    for (const u of users) expect(u.args).not.toMatch(/^(root|0)(:|$)/);
    // Nothing after the last USER switches back.
    const lastUser = steps.lastIndexOf(users.at(-1)!);
    expect(steps.slice(lastUser + 1).filter((s) => s.op === 'USER')).toEqual([]);
  });

  it('copies only what exists in the repository and is in the build context', () => {
    const stageNames = new Set(froms.map((f) => f.name));
    const copies = steps.filter((s) => s.op === 'COPY' || s.op === 'ADD');
    expect(copies.length).toBeGreaterThan(3);
    for (const c of copies) {
      const parts = argv(c.args);
      const from = parts.find((p) => p.startsWith('--from='))?.slice('--from='.length);
      const paths = parts.filter((p) => !p.startsWith('--'));
      const sources = paths.slice(0, -1);
      expect(sources.length, `line ${c.line}`).toBeGreaterThan(0);
      if (from !== undefined) {
        expect(stageNames.has(from), `line ${c.line}: no stage ${from}`).toBe(true);
        continue;
      }
      for (const src of sources) {
        expect(existsSync(join(root, src)), `line ${c.line}: ${src} is not in the repository`).toBe(true);
        expect(dockerIgnored(src), `line ${c.line}: .dockerignore leaves ${src} out of the context`).toBe(
          false,
        );
      }
    }
    // What the image runs must be in it: the launcher, the compiled code and the migrations.
    const copied = copies.map((c) => argv(c.args).filter((p) => !p.startsWith('--'))[0]);
    expect(copied).toEqual(expect.arrayContaining(['bin', 'drizzle', '/app/dist', 'src']));
  });

  it('runs only npm scripts that exist', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    for (const r of steps.filter((s) => s.op === 'RUN'))
      for (const m of r.args.matchAll(/npm run (\S+)/g))
        expect(scripts[m[1]!], `line ${r.line}: npm run ${m[1]}`).toBeDefined();
  });

  it('builds the operator console and copies its files into the runtime stage', () => {
    const copies = steps.filter((s) => s.op === 'COPY').map((s) => argv(s.args));
    expect(copies).toContainEqual(['web', './web']);
    expect(copies).toContainEqual(['--from=build', '/app/web/dist', './web/dist']);
    expect(JSON.parse(read('package.json')).scripts.build).toContain('vite build');
  });

  it.runIf(built)('starts a real CLI command and listens where it says', () => {
    const entry = argv(steps.find((s) => s.op === 'ENTRYPOINT')!.args);
    expect(entry).toEqual(['node', 'bin/zhkh-bridge.js']);
    expectRealCommand('CMD', argv(steps.find((s) => s.op === 'CMD')!.args));
    const port = /PORT=(\d+)/.exec(
      steps
        .filter((s) => s.op === 'ENV')
        .map((s) => s.args)
        .join(' '),
    )?.[1];
    expect(steps.find((s) => s.op === 'EXPOSE')?.args).toBe(port);
    expect(steps.find((s) => s.op === 'HEALTHCHECK')?.args).toContain('/healthz');
  });
});

interface ComposeService {
  image?: string;
  build?: string | { context: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const services = compose.services;
  const hub = Object.entries(services).filter(([, s]) => s.image?.startsWith('zhkh-bridge'));

  it('runs PostgreSQL 15, the API without workers and two workers', () => {
    expect(services.db?.image).toBe('postgres:15');
    expect(services.api?.command?.slice(0, 2)).toEqual(['serve', '--no-workers']);
    const workers = hub.filter(([, s]) => s.command?.[0] === 'worker');
    expect(workers.reduce((n, [, s]) => n + (s.deploy?.replicas ?? 1), 0)).toBe(2);
    const build = services.api?.build;
    expect(typeof build === 'string' ? build : build?.context).toBe('.');
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
  });

  it('gives every hub process the same database and secret key, after the database is healthy', () => {
    expect(hub.length).toBeGreaterThanOrEqual(2);
    const api = services.api!.environment!;
    for (const [name, s] of hub) {
      expect(s.environment?.DATABASE_URL, name).toMatch(
        /^postgres:\/\/zhkh:\$\{POSTGRES_PASSWORD[^}]*\}@db:5432\/zhkh$/,
      );
      expect(s.environment?.DATABASE_URL, name).toBe(api.DATABASE_URL);
      expect(s.environment?.ZHKH_SECRET_KEY, name).toBe(api.ZHKH_SECRET_KEY);
      expect(s.environment?.ZHKH_SECRET_KEY, name).toMatch(/^\$\{ZHKH_SECRET_KEY:\?/);
      expect(s.depends_on?.db?.condition, name).toBe('service_healthy');
      expect(s.image, name).toBe(services.api!.image);
    }
  });

  it.runIf(built)('runs real CLI commands with real options', () => {
    for (const [name, s] of hub) expectRealCommand(`service ${name}`, s.command ?? []);
  });
});

/** A systemd unit → section → key → values. */
function unit(text: string): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  let section: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const s = /^\[(\w+)\]$/.exec(line);
    if (s) {
      section = new Map();
      out.set(s[1]!, section);
      continue;
    }
    const kv = /^(\w+)=(.*)$/.exec(line);
    expect(kv && section, `not a unit line: ${line}`).toBeTruthy();
    section!.set(kv![1]!, [...(section!.get(kv![1]!) ?? []), kv![2]!]);
  }
  return out;
}

describe.each(['zhkh-bridge.service', 'zhkh-bridge-worker@.service'])('docs/systemd/%s', (file) => {
  const u = unit(read(`docs/systemd/${file}`));
  const service = u.get('Service')!;

  it('is a unit with the three sections, run by an unprivileged user', () => {
    expect([...u.keys()]).toEqual(['Unit', 'Service', 'Install']);
    expect(service.get('User')?.[0]).toMatch(/^(?!root$)\w+$/);
    expect(service.get('EnvironmentFile')).toEqual(['/etc/zhkh-bridge/env']);
    expect(u.get('Install')!.get('WantedBy')).toEqual(['multi-user.target']);
  });

  it.runIf(built)('starts a real CLI command', () => {
    const [node, script, ...rest] = service.get('ExecStart')![0]!.split(/\s+/);
    expect(node).toBe('/usr/bin/node');
    expect(script).toBe(`${service.get('WorkingDirectory')![0]}/bin/zhkh-bridge.js`);
    expectRealCommand(file, rest);
  });
});

describe.runIf(built)('environment of the deployment files', () => {
  it('uses only variables the CLI documents', () => {
    const documented = cliHelp('').stdout;
    const used = new Set(
      ['Dockerfile', 'docker-compose.yml', 'docs/systemd/zhkh-bridge.service', 'docs/deploy.env.example']
        .map(read)
        .join('\n')
        .match(/\bZHKH_[A-Z_]+\b|\bDATABASE_URL\b/g),
    );
    expect(used.size).toBeGreaterThan(4);
    for (const v of used) expect(documented, `${v} is not in zhkh-bridge --help`).toContain(v);
  });
});
