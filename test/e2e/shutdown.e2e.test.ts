import { existsSync, statSync } from 'node:fs';
import { countAccounts } from '../../projections/account/account.queries';
import { openCrm } from '../../src/app/open-crm';
import type { CreateAccountMutation, CreateAccountMutationVariables } from '../generated/operations';
import { startTestServer } from '../support/graphql-client';
import { sqliteDatabase } from '../support/test-databases';

describe('graceful shutdown', () => {
  it('lets in-flight mutations finish and answer, then closes the database cleanly', async () => {
    const server = await startTestServer(sqliteDatabase);
    let received = 0;
    const allReceived = new Promise<void>((resolve) =>
      server.running.server.on('request', () => {
        received += 1;
        if (received === 25) resolve();
      }),
    );
    const inFlight = Array.from({ length: 25 }, (_, i) =>
      server.admin.request<CreateAccountMutation, CreateAccountMutationVariables>('CreateAccount', { input: { name: `Shutdown ${i}` } }),
    );
    await allReceived;
    const stopping = server.running.stop();
    const responses = await Promise.all(inFlight);
    await stopping;

    expect(responses.filter((response) => response.status === 200 && response.data?.createAccount.account.id)).toHaveLength(25);
    const path = server.database.path!;
    // A clean close checkpoints the write-ahead log into the database file.
    expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);
    const reopened = await openCrm({ databaseUrl: server.database.url });
    try {
      expect(await countAccounts(reopened.db, { view: 'ALL', viewerId: '' })).toBe(25);
      expect(await reopened.store.verify()).toMatchObject({ ok: true });
    } finally {
      await reopened.close();
    }
    await server.dispose();
  });
});
