import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCrm } from '../../src/app/open-crm';
import { temporaryDir } from '../support/test-databases';
import { FIXTURES } from './support/import-harness';

const ROOT = join(__dirname, '..', '..');

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `crm <args>` from the sources with its own data folder (stderr is a pipe, not a terminal). */
function crm(dataDir: string, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register'), join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
      cwd: dataDir,
      env: {
        ...process.env,
        TS_NODE_TRANSPILE_ONLY: 'true',
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The user the imports act as: a sales manager holds the `import` privilege (the administrator does not). */
const AS_IMPORTER = ['--as', 'importer@example.com'];

describe('crm import', () => {
  const dir = temporaryDir('crm-import-cli-');
  beforeAll(async () => {
    const added = await crm(dir.path, 'user', 'add', '--email', 'importer@example.com', '--name', 'Importer', '--role', 'SALES_MANAGER');
    expect(added.code).toBe(0);
  }, 60_000);
  afterAll(() => dir.remove());

  it('imports a file, logs progress when stderr is not a terminal, prints a summary and exits 0', async () => {
    const result = await crm(
      dir.path,
      'import',
      join(FIXTURES, 'kontakty-cp1250.csv'),
      '--entity',
      'contact',
      '--create-missing-accounts',
      ...AS_IMPORTER,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^status\s+COMPLETED$/mu);
    expect(result.stdout).toMatch(/^created\s+3$/mu);
    expect(result.stdout).toContain('kontakty-cp1250.csv (CSV, windows-1250)');
    expect(result.stderr).toMatch(/^importing: 3\/3 rows, \d+ rows\/s/mu);
  }, 60_000);

  it('exits non-zero when rows were rejected, listing them', async () => {
    const result = await crm(dir.path, 'import', join(FIXTURES, 'accounts.xlsx'), '--entity', 'account', ...AS_IMPORTER);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^rejected\s+1$/mu);
    expect(result.stdout).toContain('row 4 (Account Name): name: is required and cannot be blank');
  }, 60_000);

  it('maps columns given with --map, updates duplicates when asked, and writes nothing in a dry run', async () => {
    const file = join(dir.path, 'firmy.csv');
    writeFileSync(file, 'Nazwa;Branża;Nr\nAdventure Works Cycles;Bicycles;AW-1\nNowa Firma;Retail;NF-1\n');
    const args = ['import', file, '--entity', 'account', '--map', 'Nazwa=name', '--map', 'Nr=', '--duplicates', 'update', ...AS_IMPORTER];
    const dry = await crm(dir.path, ...args, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^would create\s+1$/mu);
    expect(dry.stdout).toMatch(/^would update\s+1$/mu);
    expect(dry.stdout).toMatch(/^not imported\s+columns "Nr"$/mu);
    const real = await crm(dir.path, ...args);
    expect(real.stdout).toMatch(/^created\s+1$/mu);
    expect(real.stdout).toMatch(/^updated\s+1$/mu);
    const dataKey = readFileSync(join(dir.path, 'data-key'), 'utf8').trim();
    const crmAfter = await openCrm({ databaseUrl: `sqlite:${join(dir.path, 'crm.db')}`, dataKey });
    try {
      const accounts = await crmAfter.db
        .selectFrom('accounts')
        .select(['name', 'industry', 'account_number'])
        .orderBy('name_key')
        .execute();
      expect(accounts.filter((account) => account.industry !== null && ['Bicycles', 'Retail'].includes(account.industry))).toEqual([
        { name: 'Adventure Works Cycles', industry: 'Bicycles', account_number: null },
        { name: 'Nowa Firma', industry: 'Retail', account_number: null },
      ]);
    } finally {
      await crmAfter.close();
    }
  }, 90_000);

  it('refuses to import as a user without the import privilege, saying whom to import as', async () => {
    await crm(dir.path, 'user', 'add', '--email', 'seller@example.com', '--name', 'Seller', '--role', 'SALESPERSON');
    const result = await crm(dir.path, 'import', join(FIXTURES, 'accounts.xlsx'), '--entity', 'account', '--as', 'seller@example.com');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('do not allow you to import records from files (privilege: import)');
    expect(result.stderr).toContain('--as <email>');
  }, 60_000);

  it('refuses an unknown entity before opening anything', async () => {
    const result = await crm(dir.path, 'import', join(FIXTURES, 'accounts.xlsx'), '--entity', 'lead');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--entity must be one of account, contact, got "lead"');
  });
});
