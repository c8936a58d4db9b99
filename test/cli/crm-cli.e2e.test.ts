import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../../projections/all-projections';
import { openCrm } from '../../src/app/open-crm';
import { verifyToken } from '../../src/auth/tokens';
import { dumpReadModels } from '../support/dump-read-models';
import { temporaryDir } from '../support/test-databases';

const ROOT = join(__dirname, '..', '..');

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `crm <args>` from the sources (as `npm run crm` does from the build), with its own data folder. */
// Every call starts a fresh Node process that compiles the CLI on the fly: a few seconds each.
jest.setTimeout(120_000);

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

describe('the crm command', () => {
  const dir = temporaryDir('crm-cli-');
  afterAll(() => dir.remove());

  it('adds a user with several roles (case-insensitive) and refuses a duplicate e-mail', async () => {
    const added = await crm(
      dir.path,
      'user',
      'add',
      '--email',
      'ola@example.com',
      '--name',
      'Ola Nowak',
      '--role',
      'salesperson',
      '--role',
      'AUDITOR',
    );
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/u);
    const again = await crm(dir.path, 'user', 'add', '--email', 'OLA@example.com', '--name', 'Ola', '--role', 'SALESPERSON');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/BAD_USER_INPUT.*already exists/u);
    const badRole = await crm(dir.path, 'user', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'KING');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/unknown role KING/u);
  });

  it('prints a token alone on stdout, signed with the generated secret', async () => {
    const result = await crm(dir.path, 'token', '--user', 'ola@example.com', '--expires-in', '2h');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/u);
    const secret = readFileSync(join(dir.path, 'jwt-secret'), 'utf8').trim();
    const claims = await verifyToken(secret, result.stdout.trim());
    expect(claims.subject).toMatch(/^[0-9a-f-]{36}$/u);
    const unknown = await crm(dir.path, 'token', '--user', 'nobody@example.com');
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('No user with the e-mail address nobody@example.com');
  });

  it('seeds a demo book, and rebuild yields the same read models', async () => {
    const seeded = await crm(dir.path, 'seed', '--accounts', '30', '--contacts', '60', '--activities', '80', '--as', 'ola@example.com');
    expect(seeded.code).toBe(0);
    expect(seeded.stderr).toMatch(/Seeded 30 accounts .* and 60 contacts/u);
    expect(seeded.stderr).toMatch(/Seeded \d+ opportunities \(\d+ open, \d+ won, \d+ lost\), \d+ quotes, \d+ invoices and \d+ activities/u);
    const url = `sqlite:${join(dir.path, 'crm.db')}`;
    const before = await dumpOf(url);
    const rebuilt = await crm(dir.path, 'rebuild');
    expect(rebuilt.code).toBe(0);
    const names = ALL_PROJECTIONS.map((projection) => projection.name).join(', ');
    expect(rebuilt.stderr).toContain(`Rebuilt ${names} from `);
    expect(await dumpOf(url)).toEqual(before);
    expect((before.accounts as unknown[]).length).toBe(30);
  });

  it('prints a record’s timeline, verifies the chain, and exports the audit log as CSV and NDJSON', async () => {
    const url = `sqlite:${join(dir.path, 'crm.db')}`;
    const opened = await openCrm({ databaseUrl: url });
    const account = await opened.db.selectFrom('accounts').select(['id', 'name']).orderBy('name').executeTakeFirstOrThrow();
    const head = await opened.store.headPosition();
    // Every event of a record (e-mail claims are not records' events).
    const logged = (await opened.db.selectFrom('audit_log').select('id').execute()).length;
    await opened.close();

    const history = await crm(dir.path, 'history', 'account', account.id);
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+  v1  AccountCreated  by Ola Nowak <ola@example.com>\n`, 'u'));
    expect(history.stdout).toContain(`    name: ∅ → ${JSON.stringify(account.name)}`);

    const verified = await crm(dir.path, 'verify');
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stderr).toContain(`${head} events checked`);

    const csv = await crm(dir.path, 'audit-export', '--format', 'csv');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('position,occurredAt,recordType,recordId,version,eventType,actorId,actor,source,commandId,changes');
    expect(lines).toHaveLength(logged + 1);
    expect(logged).toBeGreaterThan(Number(head) / 2);
    const ndjson = await crm(dir.path, 'audit-export', '--to', '2000-01-01');
    expect(ndjson).toMatchObject({ code: 0, stdout: '' });
    expect(ndjson.stderr).toContain('Exported 0 events');

    const damaged = new Database(join(dir.path, 'crm.db'));
    damaged.prepare("UPDATE events SET data = data || ' ' WHERE global_position = 3").run();
    damaged.close();
    const broken = await crm(dir.path, 'verify');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('BROKEN at position 3');
  });
});

describe('crm gdpr', () => {
  const dir = temporaryDir('crm-cli-gdpr-');
  afterAll(() => dir.remove());

  it("exports and erases a contact's personal data as an administrator, and refuses anyone else", async () => {
    expect(
      (await crm(dir.path, 'user', 'add', '--email', 'dpo@example.com', '--name', 'Data Officer', '--role', 'administrator')).code,
    ).toBe(0);
    expect((await crm(dir.path, 'user', 'add', '--email', 'sales@example.com', '--name', 'Sales', '--role', 'sales_manager')).code).toBe(0);
    expect((await crm(dir.path, 'seed', '--accounts', '2', '--contacts', '3', '--activities', '0', '--as', 'sales@example.com')).code).toBe(
      0,
    );
    const url = `sqlite:${join(dir.path, 'crm.db')}`;
    const opened = await openCrm({ databaseUrl: url, dataKey: readFileSync(join(dir.path, 'data-key'), 'utf8').trim() });
    const [contact] = await opened.db.selectFrom('contacts').select(['id', 'email']).execute();
    await opened.close();

    const exported = await crm(dir.path, 'gdpr', 'export', contact!.id, '--as', 'dpo@example.com');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ erased: false, contact: { id: contact!.id, email: contact!.email } });

    const refused = await crm(dir.path, 'gdpr', 'erase', contact!.id, '--reason', 'asked', '--as', 'sales@example.com');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('FORBIDDEN');

    const erased = await crm(dir.path, 'gdpr', 'erase', contact!.id, '--reason', 'Asked in writing', '--as', 'dpo@example.com');
    expect(erased).toMatchObject({ code: 0 });
    expect(erased.stderr).toContain('Erased the personal data');
    const after = JSON.parse((await crm(dir.path, 'gdpr', 'export', contact!.id, '--as', 'dpo@example.com')).stdout) as Record<
      string,
      unknown
    >;
    expect(after).toMatchObject({ erased: true, reason: 'Asked in writing', erasedBy: { name: 'Data Officer' } });
    expect(JSON.stringify(after)).not.toContain(contact!.email!);
  });
});

/** The read models of the CRM at `url`, read by opening it and closing it again. */
async function dumpOf(url: string) {
  const opened = await openCrm({ databaseUrl: url });
  try {
    return await dumpReadModels(opened);
  } finally {
    await opened.close();
  }
}
