import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The peer the vs-emmett benchmark compares with; never a dependency of the project (its pins clash with ours). */
export const EMMETT_PACKAGES = {
  '@event-driven-io/emmett': '0.38.5',
  '@event-driven-io/emmett-sqlite': '0.38.5',
  sqlite3: '5.1.7',
} as const;

/** Where peers are installed on demand (ignored by git). */
export const PEERS_DIR = join(__dirname, '..', '.peers');

/** The parts of Emmett's SQLite connection (0.38.x `SQLiteConnection`) the benchmark uses. */
export interface EmmettConnection {
  close(): void;
  command(sql: string, values?: unknown[]): Promise<unknown>;
  querySingle<T>(sql: string, values?: unknown[]): Promise<T | null>;
}

/** An event as Emmett reads it back (`ReadEvent`): type, data and metadata with bigint positions. */
export interface EmmettReadEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { readonly streamPosition: bigint; readonly globalPosition: bigint };
}

export interface EmmettEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: object;
}

export type EmmettAppendResult =
  { readonly success: true; readonly nextStreamPosition: bigint; readonly lastGlobalPosition: bigint } | { readonly success: false };

/** The store `getSQLiteEventStore` returns (0.38.x): it opens the file for each call and closes it after. */
export interface EmmettEventStore {
  appendToStream(
    streamName: string,
    events: EmmettEvent[],
    options?: { readonly expectedStreamVersion?: bigint },
  ): Promise<{ readonly nextExpectedStreamVersion: bigint }>;
  aggregateStream<State>(
    streamName: string,
    options: { readonly evolve: (state: State, event: EmmettReadEvent) => State; readonly initialState: () => State },
  ): Promise<{ readonly state: State; readonly currentStreamVersion: bigint }>;
}

/**
 * @event-driven-io/emmett-sqlite 0.38.x as the benchmark uses it (signatures from its index.d.cts):
 * `getSQLiteEventStore({ fileName })`, and the functions that store is made of, which take an open
 * connection: `sqliteConnection({ fileName })`, `createEventStoreSchema(connection)`,
 * `appendToStream(connection, streamName, streamType, messages, { expectedStreamVersion })` and
 * `readStream(connection, streamName)`.
 */
export interface EmmettSqlite {
  getSQLiteEventStore(options: { readonly fileName: string }): EmmettEventStore;
  sqliteConnection(options: { readonly fileName: string }): EmmettConnection;
  createEventStoreSchema(connection: EmmettConnection): Promise<void>;
  appendToStream(
    connection: EmmettConnection,
    streamName: string,
    streamType: string,
    messages: EmmettEvent[],
    options?: { readonly expectedStreamVersion?: bigint },
  ): Promise<EmmettAppendResult>;
  readStream(
    connection: EmmettConnection,
    streamName: string,
  ): Promise<{ readonly currentStreamVersion: bigint; readonly events: EmmettReadEvent[]; readonly streamExists: boolean }>;
}

export type EmmettPeer = { readonly loaded: true; readonly emmett: EmmettSqlite } | { readonly loaded: false; readonly reason: string };

/**
 * Loads Emmett from bench/.peers, installing it there first when it is missing and `install` is allowed
 * (`npm install --prefix bench/.peers`; sqlite3 falls back to building from source with node-gyp when its
 * prebuilt binary cannot be downloaded). Never throws: a peer that cannot be had is reported as a reason.
 */
export async function loadEmmettPeer(options: { readonly install: boolean; readonly log: (line: string) => void }): Promise<EmmettPeer> {
  const first = tryLoad();
  if (first.loaded || !options.install) {
    return first.loaded
      ? first
      : { loaded: false, reason: `${first.reason}; run \`npm run bench -- vs-emmett\` to install it into bench/.peers` };
  }
  options.log(
    `vs-emmett: ${first.reason}; installing ${packageSpecs().join(' ')} into ${PEERS_DIR} (sqlite3 may build from source: a minute or two)`,
  );
  try {
    await installPeers(options.log);
  } catch (error) {
    return { loaded: false, reason: `could not install Emmett into bench/.peers: ${(error as Error).message}` };
  }
  let second = tryLoad();
  if (!second.loaded && second.reason.includes('sqlite3')) {
    options.log('vs-emmett: the sqlite3 binding does not load; rebuilding it from source');
    try {
      await runNpm(['rebuild', 'sqlite3', '--build-from-source', '--prefix', PEERS_DIR], options.log);
    } catch (error) {
      return { loaded: false, reason: `could not build sqlite3 in bench/.peers: ${(error as Error).message}` };
    }
    second = tryLoad();
  }
  return second.loaded ? second : { loaded: false, reason: `Emmett was installed but does not load: ${second.reason}` };
}

function packageSpecs(): string[] {
  return Object.entries(EMMETT_PACKAGES).map(([name, version]) => `${name}@${version}`);
}

function tryLoad(): EmmettPeer {
  for (const [name, version] of Object.entries(EMMETT_PACKAGES)) {
    const manifest = join(PEERS_DIR, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return { loaded: false, reason: `${name} is not installed in bench/.peers` };
    const installed = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
    if (installed !== version) return { loaded: false, reason: `bench/.peers has ${name}@${installed}, not ${version}` };
  }
  try {
    const peerRequire = createRequire(join(PEERS_DIR, 'package.json'));
    peerRequire('sqlite3');
    const loaded = peerRequire('@event-driven-io/emmett-sqlite') as Partial<Record<keyof EmmettSqlite, unknown>>;
    const missing = (['getSQLiteEventStore', 'sqliteConnection', 'createEventStoreSchema', 'appendToStream', 'readStream'] as const).filter(
      (name) => typeof loaded[name] !== 'function',
    );
    if (missing.length > 0) return { loaded: false, reason: `@event-driven-io/emmett-sqlite lacks ${missing.join(', ')}` };
    return { loaded: true, emmett: loaded as EmmettSqlite };
  } catch (error) {
    return { loaded: false, reason: `loading sqlite3/emmett-sqlite failed: ${(error as Error).message.split('\n')[0]}` };
  }
}

async function installPeers(log: (line: string) => void): Promise<void> {
  mkdirSync(PEERS_DIR, { recursive: true });
  const manifest = join(PEERS_DIR, 'package.json');
  if (!existsSync(manifest)) {
    // npm 11 asks packages to be allowed to run install scripts; sqlite3's builds or fetches its binding.
    const peers = {
      name: 'crm-bench-peers',
      private: true,
      description: 'Benchmark peers (bench/vs-emmett), installed on demand',
      allowScripts: { sqlite3: true },
    };
    writeFileSync(manifest, `${JSON.stringify(peers, null, 2)}\n`);
  }
  await runNpm(['install', '--prefix', PEERS_DIR, '--save-exact', '--no-audit', '--no-fund', ...packageSpecs()], log);
}

/** Runs npm, its output going to the log; node-gyp is pointed at this Node's headers when they are installed. */
function runNpm(args: readonly string[], log: (line: string) => void): Promise<void> {
  // Under `npm run`, npm exports its own settings as npm_* variables: they must not steer this install.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  const nodeDir = dirname(dirname(process.execPath));
  if (existsSync(join(nodeDir, 'include', 'node', 'node_api.h'))) env.npm_config_nodedir = nodeDir;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return new Promise<void>((resolve, reject) => {
    const child = spawn(npm, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(`  npm: ${line}`);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    const timeout = setTimeout(() => child.kill('SIGTERM'), 15 * 60_000);
    child.on('error', (error) => {
      clearTimeout(timeout);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timeout);
      if (code === 0) resolve();
      else reject(new Error(`npm ${args[0]} exited with ${signal ?? code}`));
    });
  });
}
