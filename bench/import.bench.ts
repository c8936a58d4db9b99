import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import { SYSTEM_ACTOR_ID } from '../events';
import { openCrm } from '../src/app/open-crm';
import { openSqlite } from '../src/database/sqlite-connections';
import { ImportService } from '../src/import/job/import-service';
import { UploadStore } from '../src/import/uploads/upload-store';
import { foldText } from '../projections/search-text';
import { CITIES, FIRST_NAMES, JOB_TITLES, LAST_NAMES } from '../src/seed/demo-names';
import { SeededRandom } from '../src/seed/random';
import { BENCH_DATA_KEY } from './personal-data.bench';
import { bySize, type Benchmark, type BenchOptions } from './support/benchmark';
import { removeDatabase } from './support/crm-dataset';
import { atLeast, ratioAtMost, type Check, type ResultRow } from './support/result-table';
import { nowMs, perSecond } from './support/timing';

/** How many rows the SQLite-alone reference replays (enough for a steady rate, without doubling a 1,000,000-row run). */
const SQLITE_ALONE_ROWS = 100_000;
/** The tables a contact import writes a row into, per imported row. */
const ROW_TABLES = ['events', 'data_keys', 'contacts', 'audit_log'] as const;

/** The project's root (the sources, tsconfig and dist/). */
const ROOT = resolve(__dirname, '..');
/** How often resident memory is sampled while an import runs. */
const RSS_SAMPLE_MS = 50;
/** A contact file's columns: Outlook's names, as users bring them. */
const HEADER = 'First Name,Last Name,E-mail Address,Business Phone,Job Title,Business City,Business Country/Region\n';

interface Measured {
  readonly rows: number;
  readonly rowsPerSecond: number;
  readonly rssBeforeMb: number;
  readonly peakRssMb: number;
  readonly parseSeconds: number;
  readonly importSeconds: number;
  /** The rows the import wrote, inserted again by SQLite alone (see `sqliteAlone`). */
  readonly sqliteAloneRowsPerSecond: number;
}

/**
 * `crm import` of a generated contact CSV into a fresh SQLite CRM (personal data encrypted, inline projections,
 * durable commits), end to end: the file copied in as an upload, read through once (encoding, columns, rows),
 * then every row through createContact with duplicates looked for by e-mail, many rows in flight so that
 * group commit writes them in large transactions. Next to it, csv-parse alone over the same file.
 */
export const benchmark: Benchmark = {
  name: 'import',
  description: 'importing a generated contact CSV end to end (SQLite, encrypted), rows/s and peak RSS, vs csv-parse alone',
  async measure(options) {
    const sizes = bySize(options, { tiny: [1_000], full: [100_000, 1_000_000] });
    const rows: ResultRow[] = [];
    const notes: string[] = [];
    let smallest: Measured | null = null;
    const cli = cliCommand(options);
    for (const size of sizes) {
      const file = await contactFile(options, size);
      const parseOnly = await csvParseAlone(file);
      options.log(`import: csv-parse alone over ${size} rows: ${Math.round(parseOnly)} rows/s`);
      const measured = await importFile(options, file, size);
      options.log(
        `import: ${size} rows: ${Math.round(measured.rowsPerSecond)} rows/s, peak RSS ${Math.round(measured.peakRssMb)} MB (before: ${Math.round(measured.rssBeforeMb)} MB)`,
      );
      smallest ??= measured;
      const label = size.toLocaleString('en-US');
      rows.push(
        {
          workload: `import ${label} contacts, end to end`,
          ours: { value: measured.rowsPerSecond, unit: 'rows/s' },
          baseline: { value: parseOnly, unit: 'rows/s' },
          target: [atLeast(30_000, 'rows/s')],
        },
        {
          workload: `import ${label} contacts: peak RSS growth (peak − before)`,
          ours: { value: measured.peakRssMb - measured.rssBeforeMb, unit: 'MB' },
          baseline: measured === smallest ? null : { value: smallest.peakRssMb - smallest.rssBeforeMb, unit: 'MB' },
          target: measured === smallest ? [] : [growthAtMost(1.5)],
        },
        {
          workload: `import ${label} contacts: peak RSS of the bench process`,
          ours: { value: measured.peakRssMb, unit: 'MB' },
          target: [],
        },
      );
      rows.push({
        workload: `SQLite alone: the ${Math.min(size, SQLITE_ALONE_ROWS).toLocaleString('en-US')} first rows’ inserts replayed (reference)`,
        ours: { value: measured.sqliteAloneRowsPerSecond, unit: 'rows/s' },
        baseline: { value: parseOnly, unit: 'rows/s' },
        target: [],
      });
      const run = await cliImport(options, cli, file, size);
      options.log(`import: crm import of ${size} rows: ${Math.round(run.rowsPerSecond)} rows/s, peak RSS ${Math.round(run.peakRssMb)} MB`);
      rows.push(
        {
          workload: `\`crm import\` ${label} contacts (compiled CLI, own process)`,
          ours: { value: run.rowsPerSecond, unit: 'rows/s' },
          baseline: { value: parseOnly, unit: 'rows/s' },
          target: [atLeast(30_000, 'rows/s')],
        },
        {
          workload: `\`crm import\` ${label} contacts: peak RSS (VmHWM)`,
          ours: { value: run.peakRssMb, unit: 'MB' },
          target: size >= 1_000_000 ? [atMost(300, 'MB')] : [],
        },
      );
      notes.push(
        `${label} rows: reading the file through (PARSING) ${measured.parseSeconds.toFixed(1)} s, importing ${measured.importSeconds.toFixed(1)} s; RSS before the import ${Math.round(measured.rssBeforeMb)} MB.`,
      );
    }
    return {
      title: `import — ${this.description}`,
      baseline: 'csv-parse 7 alone over the same file (records counted, nothing else), in the same run',
      rows,
      notes: [
        ...notes,
        'Contacts with first and last name, e-mail, phone, job title, city and country (5 encrypted values each), all new; duplicates looked for by e-mail (SKIP).',
        'The first rows run the import in the bench process (ImportService, as the server runs a job); its RSS includes ts-node, whose TypeScript compiler alone holds about 120 MB.',
        'SQLite alone: what the import wrote per row (its event, its data key, the contacts row, the audit row) inserted again with prepared statements into a fresh file with the same tables and indexes, 500 rows per transaction with a savepoint each, as durable (WAL, synchronous=FULL): a ceiling for any import that keeps these tables, before a single line of TypeScript.',
        '`crm import` rows: the compiled CLI (built with tsc first) in its own process on a fresh data folder, timed from spawn to exit (start-up, upload copy, parse, import); peak RSS is the kernel’s high-water mark of that process (VmHWM).',
        'Peak RSS growth baseline: the same figure for the smallest file of the run (memory must not grow with the file).',
      ],
    };
  },
};

function atMost(max: number, unit: string): Check {
  return { text: `≤ ${max} ${unit}`, test: (ours) => ours <= max };
}

function growthAtMost(max: number): Check {
  return ratioAtMost(max, `≤ ${max}× the smallest file’s`);
}

/** A contact CSV of `rows` rows, generated once per size and seed (streamed to disk) and cached in the data folder. */
async function contactFile(options: BenchOptions, rows: number): Promise<string> {
  const folder = join(options.dataDir, 'import');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `contacts-${rows}-seed${options.seed}.csv`);
  if (existsSync(path)) return path;
  const random = new SeededRandom(options.seed);
  const partial = `${path}.part`;
  const out = createWriteStream(partial);
  out.write(HEADER);
  for (let index = 0; index < rows; index += 1) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const email = `${foldText(first)}.${foldText(last).replace(/\s+/gu, '-')}.${index}@example.com`;
    const place = random.pick(CITIES);
    const phone = `+48 ${random.int(500, 899)} ${random.int(100, 999)} ${random.int(100, 999)}`;
    const line = [first, last, email, phone, random.pick(JOB_TITLES), place.city, place.country].map(csvCell).join(',');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(partial, path);
  options.log(`import: generated ${rows} contacts in ${path}`);
  return path;
}

function csvCell(text: string): string {
  return /[",\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** csv-parse alone over the file: the rows/s a CSV import cannot beat. */
async function csvParseAlone(path: string): Promise<number> {
  const started = nowMs();
  let records = 0;
  const parser = createReadStream(path).pipe(parse({ relax_quotes: true, relax_column_count: true }));
  for await (const _record of parser) records += 1;
  return perSecond(records - 1, nowMs() - started);
}

async function importFile(options: BenchOptions, file: string, size: number): Promise<Measured> {
  const scratch = join(options.dataDir, 'scratch');
  mkdirSync(scratch, { recursive: true });
  const path = join(scratch, `import-${process.pid}-${size}.db`);
  const uploadsDir = join(scratch, `import-uploads-${process.pid}`);
  removeDatabase(path);
  const crm = await openCrm({ databaseUrl: `sqlite:${path}`, dataKey: BENCH_DATA_KEY });
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, RSS_SAMPLE_MS);
  try {
    const { result: user } = await crm
      .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' })
      .registerUser({ email: 'bench@example.com', name: 'Bench User', roles: ['SALES_MANAGER'] });
    let parsedAt = 0;
    const service = new ImportService(crm, {
      uploads: new UploadStore(uploadsDir, 4 * 1024 ** 3),
      run: {
        onProgress: (progress) => {
          if (progress.phase === 'IMPORTING' && parsedAt === 0) parsedAt = nowMs();
          if (progress.phase === 'IMPORTING' && progress.rows > 0 && progress.rows % 100_000 < 500)
            options.log(`import: ${progress.rows}/${progress.totalRows ?? '?'} rows`);
        },
      },
    });
    global.gc?.();
    const rssBefore = process.memoryUsage.rss();
    peak = rssBefore;
    const started = nowMs();
    const upload = await service.uploads.copyFile(file, { uploadedBy: user.id, fileName: 'contacts.csv' });
    const { jobId } = await service.start(user.id, { entity: 'CONTACT', uploadId: upload.id });
    await service.completion(jobId);
    const finished = nowMs();
    const job = await crm.db.selectFrom('import_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    if (job.status !== 'COMPLETED' || Number(job.created_count) !== size)
      throw new Error(`the import ended ${job.status} with ${job.created_count} of ${size} rows (${job.failure_reason ?? 'no reason'})`);
    await service.stop();
    await crm.close();
    // The reference below holds its rows in memory: the import's peak is taken before it.
    clearInterval(sampler);
    const sqliteAloneRowsPerSecond = sqliteAlone(path, Math.min(size, SQLITE_ALONE_ROWS));
    return {
      sqliteAloneRowsPerSecond,
      rows: size,
      rowsPerSecond: perSecond(size, finished - started),
      rssBeforeMb: rssBefore / 2 ** 20,
      peakRssMb: peak / 2 ** 20,
      parseSeconds: ((parsedAt || finished) - started) / 1000,
      importSeconds: (finished - (parsedAt || finished)) / 1000,
    };
  } finally {
    clearInterval(sampler);
    await crm.close();
    removeDatabase(path);
    rmSync(uploadsDir, { recursive: true, force: true });
  }
}

interface CliRun {
  readonly rowsPerSecond: number;
  readonly peakRssMb: number;
}

/**
 * How to run the CLI: compiled as `npm start` builds it (tsc into dist/), so its memory is the product's, not
 * ts-node's; on tiny datasets (the smoke test) from the sources, to check the path without a build.
 */
function cliCommand(options: BenchOptions): string[] {
  if (options.size === 'tiny') return ['-r', require.resolve('ts-node/register/transpile-only'), join(ROOT, 'src', 'cli', 'main.ts')];
  options.log('import: compiling the CLI (tsc -p tsconfig.build.json)');
  const built = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`compiling the CLI failed:\n${built.stdout}${built.stderr}`);
  return [join(ROOT, 'dist', 'src', 'cli', 'main.js')];
}

/** `crm import --entity contact <file>` in a child process on a fresh data folder; its peak RSS read from /proc. */
async function cliImport(options: BenchOptions, cli: readonly string[], file: string, size: number): Promise<CliRun> {
  const dataDir = join(options.dataDir, 'scratch', `cli-import-${process.pid}-${size}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  try {
    const started = nowMs();
    const child = spawn(process.execPath, [...cli, 'import', '--entity', 'contact', file], {
      cwd: dataDir,
      env: {
        ...withoutStoreUrls(process.env),
        DATA_DIR: dataDir,
        DATABASE_URL: `sqlite:${join(dataDir, 'crm.db')}`,
        LOG_LEVEL: 'silent',
        DATA_KEY: BENCH_DATA_KEY,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakKb = 0;
    const sample = () => {
      const status = child.pid === undefined ? '' : readStatus(child.pid);
      const match = /VmHWM:\s+(\d+) kB/u.exec(status);
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    };
    const sampler = setInterval(sample, RSS_SAMPLE_MS);
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      sample();
    });
    // The progress bar goes to stderr: only its end is kept, for an error message.
    child.stderr.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString('utf8')).slice(-4000);
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    clearInterval(sampler);
    const finished = nowMs();
    const created = /created\s+(\d+)/u.exec(output);
    if (code !== 0 || Number(created?.[1]) !== size)
      throw new Error(`crm import exited ${code} having created ${created?.[1] ?? 'nothing'} of ${size}:\n${output}\n${errors}`);
    return { rowsPerSecond: perSecond(size, finished - started), peakRssMb: peakKb / 1024 };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function readStatus(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}

/** The environment without an event store URL of its own: the CLI then keeps its events in the SQLite file. */
function withoutStoreUrls(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { EVENT_STORE_URL: _events, ...rest } = env;
  return rest;
}

/**
 * Replays the inserts the import made, by SQLite alone: the first `rows` rows of each table the import writes
 * per row, read back from the imported file, inserted into a fresh file made with the same schema (tables and
 * indexes), 500 rows per transaction, each row in its own savepoint, with the CRM's connection settings.
 * Answers rows per second.
 */
function sqliteAlone(importedPath: string, rows: number): number {
  const source = new Database(importedPath, { readonly: true });
  const target = `${importedPath}.sqlite-alone`;
  removeDatabase(target);
  const connections = openSqlite(target);
  try {
    const writer = connections.writer;
    // Savepoint journals in memory, as the event store's group commits keep them.
    writer.pragma('temp_store = MEMORY');
    const schema = source
      .prepare(
        `SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN (${ROW_TABLES.map(() => '?').join(', ')}) ORDER BY type DESC`,
      )
      .all(...ROW_TABLES) as { sql: string }[];
    for (const { sql } of schema) writer.exec(sql);
    const order: Record<(typeof ROW_TABLES)[number], string> = {
      events: 'global_position',
      data_keys: 'created_at, key_id',
      contacts: 'created_at, id',
      audit_log: 'id',
    };
    const tables = ROW_TABLES.map((table) => {
      const sample = source.prepare(`SELECT * FROM ${table} ORDER BY ${order[table]} LIMIT ?`).all(rows) as Record<string, unknown>[];
      if (sample.length < rows) throw new Error(`the import wrote ${sample.length} ${table} rows, fewer than ${rows}`);
      const columns = Object.keys(sample[0]!);
      const insert = writer.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      return { insert, values: sample.map((row) => Object.values(row)) };
    });
    const savepoint = writer.prepare('SAVEPOINT row');
    const release = writer.prepare('RELEASE row');
    const started = nowMs();
    for (let first = 0; first < rows; first += 500) {
      writer.exec('BEGIN IMMEDIATE');
      for (let row = first; row < Math.min(first + 500, rows); row += 1) {
        savepoint.run();
        for (const table of tables) table.insert.run(table.values[row]);
        release.run();
      }
      writer.exec('COMMIT');
    }
    return perSecond(rows, nowMs() - started);
  } finally {
    source.close();
    connections.close();
    removeDatabase(target);
  }
}
