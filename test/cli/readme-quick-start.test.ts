import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, CLI_BUILT, type CliResult, cleanCliEnv, runCli } from '../support/run-cli.js';

const root = join(import.meta.dirname, '../..');
const built = CLI_BUILT;

/**
 * The shell commands of the README's "Using the hub" section, up to its first subsection: each
 * `sh` block's lines with `\` continuations joined and comments dropped.
 */
function quickStartLines(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Using the hub\n');
  expect(start, 'README has a "Using the hub" section').toBeGreaterThan(0);
  const rest = readme.slice(start + 1);
  const section = rest.slice(0, rest.slice(3).search(/\n#{2,3} /) + 3);
  const lines: string[] = [];
  for (const block of section.matchAll(/```sh\n([\s\S]*?)```/g)) {
    lines.push(
      ...block[1]!
        .replace(/\\\n\s*/g, ' ')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
  }
  return lines;
}

/** A command line split the way a POSIX shell would (quotes, comments; no expansions needed). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '#' && word === undefined) break;
    if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === '"' || ch === "'") {
      const end = line.indexOf(ch, i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The environment of a fresh shell: no hub or store settings inherited from the test's. */
const cleanEnv = () => cleanCliEnv(['ZHKH_SECRET_KEY', 'ZHKH_ADMIN_TOKEN', 'PORT', 'HOST']);

interface Ran extends CliResult {
  line: string;
}

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv, line = args.join(' ')): Promise<Ran> {
  return { line, ...(await runCli(args, { cwd, env })) };
}

/** Starts `serve` and resolves with the admin token it prints on the first start. */
function startServe(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; token: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}\n${err}`)), 180_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const token = /admin token \(shown once\): (\S+)/.exec(out)?.[1];
      if (token && /listening on/.test(out)) {
        clearTimeout(timer);
        resolve({ child, token });
      }
    });
    child.stderr!.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code}:\n${out}\n${err}`));
    });
  });
}

// Runs each command of the quick start as a new user would, on a fresh directory: minutes.
describe.runIf(built)('the README quick start, top to bottom', { timeout: 600_000 }, () => {
  let serve: ChildProcess | undefined;
  afterAll(() => {
    serve?.kill('SIGTERM');
  });

  it('runs as written beside serve, and the CLI says what to type without --url', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'zb-readme-'));
    // What the README's commands read: the 1С export folder and the DomControl credentials file.
    mkdirSync(join(cwd, 'export'));
    writeFileSync(
      join(cwd, 'export/services.ndjson'),
      `${JSON.stringify({ id: 'heat', name: 'Отопление', measure: 'Гкал' })}\n${JSON.stringify({ id: 'upkeep', name: 'Содержание жилого помещения', measure: 'м²' })}\n`,
    );
    writeFileSync(
      join(cwd, 'dc-credentials.json'),
      JSON.stringify({ credentials: { token: 'dc-secret-token' } }),
    );

    const port = await freePort();
    const env = cleanEnv();
    const lines = quickStartLines();
    expect(lines[0]).toMatch(/^npx zhkh-bridge serve\b/);
    const ran: Ran[] = [];
    let adminToken = '';
    for (const line of lines) {
      if (line.startsWith('export ')) {
        // The README's placeholder is the token serve printed; 8080 is the port this test got.
        const concrete = line.replace(/<[^>]+>/, adminToken).replace(':8080', `:${port}`);
        for (const assignment of shellWords(concrete).slice(1)) {
          const eq = assignment.indexOf('=');
          env[assignment.slice(0, eq)] = assignment.slice(eq + 1);
        }
        continue;
      }
      const words = shellWords(line);
      expect(words.slice(0, 2), line).toEqual(['npx', 'zhkh-bridge']);
      if (words[2] === 'serve') {
        const started = await startServe(words.slice(2), cwd, { ...env, PORT: String(port) });
        serve = started.child;
        adminToken = started.token;
        continue;
      }
      const result = await run(words.slice(2), cwd, env, line);
      expect(result.status, `${line}\n${result.stderr}`).toBe(0);
      ran.push(result);
    }
    expect(env.ZHKH_URL).toBe(`http://127.0.0.1:${port}`);
    const out = (command: string) => ran.find((r) => r.line.includes(command))!;
    expect(out('orgs create').stdout).toContain('created: uk-sever');
    expect(out('tokens create').stdout).toMatch(/^zb_\S+\n$/);
    expect(out('orgs show').stdout).toMatch(/records\s+service 2/);
    expect(out('connections edit').stdout).toContain('domcontrol/dc: changed settings.sync.schedule');
    expect(out('connections edit').stdout).toContain('"baseUrl": "https://domcontrol.example.ru"');
    expect(out('connections list').stdout).toMatch(
      /^dc\s+domcontrol\s+yes\s+0 3 \* \* \*\s+https:\/\/domcontrol\.example\.ru\s+token\s/m,
    );
    for (const r of ran) expect(r.stdout + r.stderr).not.toContain('dc-secret-token');

    // Without ZHKH_URL the store is held by serve: the error gives the exact lines to type.
    const storeEnv = cleanEnv();
    const held = await run(['orgs', 'list'], cwd, storeEnv);
    expect(held.status).toBe(1);
    expect(held.stderr).toContain(`export ZHKH_URL=http://127.0.0.1:${port} ZHKH_TOKEN=`);
    expect(held.stderr).toContain('  zhkh-bridge orgs list');
    const through = await run(['orgs', 'list'], cwd, env);
    expect(through.status, through.stderr).toBe(0);
    const tokens = await run(['tokens', 'list', '--json'], cwd, env);
    expect(JSON.parse(tokens.stdout).map((t: { name: string }) => t.name)).toContain('1c-exchange');
    const connectionsThrough = await run(['connections', 'list', '--org', 'uk-sever', '--json'], cwd, env);

    // Stopped, the same commands on the store print the same.
    const stopped = new Promise((resolve) => serve!.once('exit', resolve));
    serve!.kill('SIGTERM');
    await stopped;
    serve = undefined;
    const direct = await run(['orgs', 'list'], cwd, storeEnv);
    expect(direct.status, direct.stderr).toBe(0);
    expect(direct.stdout).toBe(through.stdout);
    const connectionsDirect = await run(
      ['connections', 'list', '--org', 'uk-sever', '--json'],
      cwd,
      storeEnv,
    );
    expect(connectionsDirect.stdout).toBe(connectionsThrough.stdout);
    expect(JSON.parse(connectionsDirect.stdout)[0].settings.sync).toEqual({ schedule: '0 3 * * *' });
  });
});
