import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueToken } from '../../src/auth/tokens';
import type { RunningServer } from '../../src/server/start-server';
import type {
  ImportJobNodeQuery,
  ImportJobNodeQueryVariables,
  ImportJobQuery,
  ImportJobQueryVariables,
  ImportJobsQuery,
  ImportJobsQueryVariables,
  RetryImportMutation,
  RetryImportMutationVariables,
  StartImportMutation,
  StartImportMutationVariables,
} from '../generated/operations';
import { GraphQLTestClient, TEST_JWT_SECRET, startTestServer, type TestServer } from '../support/graphql-client';
import { temporaryDir, TEST_DATABASES } from '../support/test-databases';

const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
/** Small, so the size limit is easy to reach. */
const UPLOAD_MAX_BYTES = 64 * 1024;

describe.each(TEST_DATABASES)('imports over HTTP on $name', (database) => {
  let server: TestServer;
  let dataDir: { path: string; remove(): void };
  let running: RunningServer;
  /** A sales manager: the role that holds the `import` privilege. */
  let api: GraphQLTestClient;
  let token: string;
  beforeAll(async () => {
    dataDir = temporaryDir();
    server = await startTestServer(
      database,
      {},
      { imports: { uploadsDir: join(dataDir.path, 'uploads'), uploadMaxBytes: UPLOAD_MAX_BYTES } },
    );
    running = server.running;
    const manager = await server.newUser('importer@example.com');
    token = await issueToken(TEST_JWT_SECRET, manager.id);
    api = manager.client;
  });
  afterAll(async () => {
    await server.dispose();
    dataDir.remove();
  });

  const uploadsUrl = () => running.url.replace(/\/graphql$/u, '/uploads');
  const upload = (body: Buffer, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
    fetch(`${uploadsUrl()}?name=${encodeURIComponent('accounts.xlsx')}`, { method: 'POST', headers, body });
  const startImport = async (input: StartImportMutationVariables['input']) =>
    (await api.data<StartImportMutation, StartImportMutationVariables>('StartImport', { input })).startImport.job;
  const finished = async (id: string) => {
    await running.imports.completion(id);
    return (await api.data<ImportJobQuery, ImportJobQueryVariables>('ImportJob', { id, first: 10 })).importJob!;
  };
  const storedUploads = () => {
    const folder = join(dataDir.path, 'uploads');
    return existsSync(folder) ? readdirSync(folder).filter((name) => !name.endsWith('.json')) : [];
  };

  it('refuses an upload without a bearer token', async () => {
    const response = await upload(Buffer.from('Name\nX\n'), {});
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses an upload larger than UPLOAD_MAX_BYTES, keeping nothing of it', async () => {
    const before = storedUploads().length;
    const response = await upload(Buffer.alloc(UPLOAD_MAX_BYTES + 1, 0x41));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: UPLOAD_MAX_BYTES });
    expect(storedUploads()).toHaveLength(before);
  });

  it('refuses a streamed upload (no declared length) once it grows past the limit, keeping nothing of it', async () => {
    const before = storedUploads().length;
    const chunk = Buffer.alloc(16 * 1024, 0x41);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > UPLOAD_MAX_BYTES * 2) controller.close();
        else controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const response = await fetch(uploadsUrl(), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body, duplex: 'half' });
    expect(response.status).toBe(413);
    expect(storedUploads()).toHaveLength(before);
  });

  it('imports an uploaded workbook in the background and shows its status, counts and row errors', async () => {
    const response = await upload(readFileSync(join(FIXTURES, 'accounts.xlsx')));
    expect(response.status).toBe(201);
    const { id: uploadId, fileName } = (await response.json()) as { id: string; fileName: string };
    expect(fileName).toBe('accounts.xlsx');
    const queued = await startImport({ entity: 'ACCOUNT', uploadId });
    expect(queued).toMatchObject({ entity: 'ACCOUNT', format: 'XLSX', fileName: 'accounts.xlsx', dryRun: false, duplicates: 'SKIP' });
    const job = await finished(queued.id);
    expect(job).toMatchObject({ status: 'COMPLETED', totalRows: 4, processedRows: 4, createdCount: 3, errorCount: 1, unmappedColumns: [] });
    expect(job.completedAt).not.toBeNull();
    expect(job.errors.totalCount).toBe(2);
    expect(job.errors.edges.map((edge) => edge.node)).toEqual([
      { row: 4, column: 'Number of Employees', field: 'numberOfEmployees', message: 'numberOfEmployees: must be a whole number' },
      { row: 4, column: 'Account Name', field: 'name', message: 'name: is required and cannot be blank' },
    ]);
  });

  it('pages through a job’s row errors', async () => {
    const queued = await startImport({ entity: 'CONTACT', content: 'First Name,Last Name\n,A\n,B\n,C\n', fileName: 'nameless.csv' });
    await running.imports.completion(queued.id);
    const first = (await api.data<ImportJobQuery, ImportJobQueryVariables>('ImportJob', { id: queued.id, first: 2 })).importJob!.errors;
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const rest = (
      await api.data<ImportJobQuery, ImportJobQueryVariables>('ImportJob', { id: queued.id, first: 2, after: first.pageInfo.endCursor })
    ).importJob!.errors;
    expect(rest.edges.map((edge) => edge.node.row)).toEqual([4]);
  });

  it('imports small files given as content, creating the accounts contacts name when asked', async () => {
    const content = readFileSync(join(FIXTURES, 'contacts.vcf'), 'utf8');
    const queued = await startImport({ entity: 'CONTACT', content, fileName: 'contacts.vcf', createMissingAccounts: true });
    expect(queued).toMatchObject({ format: 'VCARD', createMissingAccounts: true });
    expect(await finished(queued.id)).toMatchObject({ status: 'COMPLETED', createdCount: 2, errorCount: 0 });
  });

  it('reports in a dry run what would happen and writes nothing', async () => {
    const queued = await startImport({
      entity: 'ACCOUNT',
      content: 'Account Name;Account Number\nDry Run Sp. z o.o.;DRY-1\n',
      dryRun: true,
    });
    expect(await finished(queued.id)).toMatchObject({ status: 'COMPLETED', dryRun: true, createdCount: 1 });
    const accounts = await running.crm.db.selectFrom('accounts').select('name').where('name', '=', 'Dry Run Sp. z o.o.').execute();
    expect(accounts).toEqual([]);
  });

  it('fails a job whose file is refused, saying why, and runs it again on request', async () => {
    const queued = await startImport({
      entity: 'CONTACT',
      content: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x/>',
      format: 'XML',
    });
    const failed = await finished(queued.id);
    expect(failed).toMatchObject({ status: 'FAILED', failureReason: expect.stringMatching(/DTDs are refused/u) as unknown });
    const retried = await api.data<RetryImportMutation, RetryImportMutationVariables>('RetryImport', { id: queued.id });
    expect(retried.retryImport.job.id).toBe(queued.id);
    expect(await finished(queued.id)).toMatchObject({ status: 'FAILED' });
  });

  it('refuses a startImport with neither an upload nor content', async () => {
    const error = await api.error<StartImportMutationVariables>('StartImport', { input: { entity: 'ACCOUNT' } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uploadId' });
  });

  it('refuses to import another user’s upload', async () => {
    const response = await upload(Buffer.from('Name\nX\n'));
    const { id: uploadId } = (await response.json()) as { id: string };
    const outcome = await running.crm
      .commands({ actorId: 'system', source: 'system' })
      .registerUser({ email: 'other@example.com', name: 'Other', roles: ['SALES_MANAGER'] });
    await running.crm.readYourWrites(outcome.checkpoint);
    const other = new GraphQLTestClient(running.url, await issueToken(TEST_JWT_SECRET, outcome.result.id));
    const error = await other.error<StartImportMutationVariables>('StartImport', { input: { entity: 'ACCOUNT', uploadId } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uploadId' });
  });

  it('lists import jobs newest first, each with its first errors', async () => {
    const jobs = (await api.data<ImportJobsQuery, ImportJobsQueryVariables>('ImportJobs', { first: 50 })).importJobs;
    expect(jobs.totalCount).toBeGreaterThanOrEqual(4);
    const names = jobs.edges.map((edge) => edge.node.fileName);
    expect(names.indexOf('contacts.vcf')).toBeLessThan(names.indexOf('accounts.xlsx'));
    expect(jobs.edges.find((edge) => edge.node.fileName === 'accounts.xlsx')!.node.errors).toMatchObject({ totalCount: 2 });
  });

  it('refuses imports and import jobs to a user without the import privilege', async () => {
    const outcome = await running.crm
      .commands({ actorId: 'system', source: 'system' })
      .registerUser({ email: 'seller@example.com', name: 'Seller', roles: ['SALESPERSON'] });
    await running.crm.readYourWrites(outcome.checkpoint);
    const seller = await server.clientFor(outcome.result.id);
    const uploadsBefore = storedUploads().length;
    const started = await seller.error<StartImportMutationVariables>('StartImport', {
      input: { entity: 'ACCOUNT', content: 'Account Name\nNot Imported Ltd\n' },
    });
    expect(started.extensions).toMatchObject({ code: 'FORBIDDEN', privilege: 'import' });
    expect(storedUploads()).toHaveLength(uploadsBefore);
    const listed = await seller.error<ImportJobsQueryVariables>('ImportJobs', { first: 1 });
    expect(listed.extensions).toMatchObject({ code: 'FORBIDDEN', privilege: 'import' });
    const accounts = await running.crm.db.selectFrom('accounts').select('id').where('name', '=', 'Not Imported Ltd').execute();
    expect(accounts).toEqual([]);
  });

  it('finds an import job by node id', async () => {
    const [latest] = (await api.data<ImportJobsQuery, ImportJobsQueryVariables>('ImportJobs', { first: 1 })).importJobs.edges;
    const node = (await api.data<ImportJobNodeQuery, ImportJobNodeQueryVariables>('ImportJobNode', { id: latest!.node.id })).node;
    expect(node).toMatchObject({ id: latest!.node.id, status: latest!.node.status });
  });
});
