import { issueToken } from '../../src/auth/tokens';
import { GraphQLTestClient, TEST_JWT_SECRET } from '../support/graphql-client';
import type { ServerProcess } from '../support/server-process';
import { TEST_DATABASES, temporaryDir, type CreatedDatabase } from '../support/test-databases';
import { bannerToken, crmEnv, startServerChild } from './support/cli-process';
import { inspectAfterCrash, SOUND } from './support/crash-checks';
import { withInspector } from './support/inspect-crm';
import { recordFigures } from './support/figures';
import { outcomeOf } from './support/outcomes';
import { sized } from './support/soak';

/** Clients sending mutations at once, and how many acknowledged mutations the server gets to answer before it dies. */
const WORKERS = 16;
const ACKS_BEFORE_KILL = sized(120, 1500);

type Input = Record<string, unknown>;
type Variables = Record<string, unknown>;

/** One mutation of the burst, with its idempotency key; `answer` is set once the server acknowledged it. */
interface Sent {
  readonly operation: string;
  readonly input: Input;
  answer?: Record<string, unknown>;
}

interface AccountAnswer {
  createAccount: { account: { id: string; version: number } };
}
interface ContactAnswer {
  createContact: { contact: { id: string } };
}

/**
 * Each worker builds its own little book, one mutation after the other (each needs the previous one's id):
 * an account, two contacts, both contacts linked to the account (two streams in one append), then the account
 * renamed at the version it was created with.
 */
class Burst {
  readonly sent: Sent[] = [];
  acknowledged = 0;
  stopped = false;

  constructor(
    private readonly api: GraphQLTestClient,
    private readonly label: string,
  ) {}

  async worker(worker: number, onAck: () => void): Promise<void> {
    for (let round = 0; !this.stopped; round += 1) {
      const tag = `${this.label} w${worker} r${round}`;
      const account = await this.send<AccountAnswer>('CreateAccount', { name: `Burst ${tag}` }, onAck);
      if (!account) return;
      const contactIds: string[] = [];
      for (const side of ['A', 'B']) {
        const contact = await this.send<ContactAnswer>('CreateContact', { firstName: side, lastName: `Burst ${tag}` }, onAck);
        if (!contact) return;
        contactIds.push(contact.createContact.contact.id);
      }
      const accountId = account.createAccount.account.id;
      if (!(await this.send('AssociateContacts', { accountId, contactIds }, onAck))) return;
      if (!(await this.send('UpdateAccount', { id: accountId, name: `Renamed ${tag}`, expectedVersion: 1 }, onAck))) return;
    }
  }

  /** The answer's data, or null when the server died before answering (the mutation stays unacknowledged). */
  private async send<Data>(operation: string, fields: Input, onAck: () => void): Promise<Data | null> {
    const sent: Sent = { operation, input: { ...fields, idempotencyKey: `burst-${this.label}-${this.sent.length}` } };
    this.sent.push(sent);
    try {
      const response = await this.api.request<Data, Variables>(operation, { input: sent.input });
      if (outcomeOf(response) !== 'OK') throw new Error(`${operation} answered ${JSON.stringify(response.errors)}`);
      sent.answer = response.data as Record<string, unknown>;
      this.acknowledged += 1;
      onAck();
      return response.data!;
    } catch (error) {
      if (this.stopped) return null;
      throw error;
    }
  }
}

describe.each(TEST_DATABASES)('kill -9 in the middle of a burst of mutations on $name', (database) => {
  let created: CreatedDatabase;
  let dir: { path: string; remove(): void };
  beforeAll(() => {
    dir = temporaryDir('crm-crash-burst-');
  });
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.kill();
    await created?.drop();
    dir?.remove();
  });

  it(
    'keeps every acknowledged mutation, none half-applied; retries apply once; the database is sound',
    async () => {
      created = await database.create();
      server = await startServerChild(crmEnv(created.url), dir.path);
      const token = bannerToken(server.stdout());
      const burst = new Burst(new GraphQLTestClient(server.url, token), database.name);

      // When: the server is killed once it has acknowledged ACKS_BEFORE_KILL mutations, with WORKERS more in flight.
      const dying = server;
      let killed = Promise.resolve();
      const onAck = () => {
        if (burst.acknowledged < ACKS_BEFORE_KILL || burst.stopped) return;
        burst.stopped = true;
        killed = dying.kill();
      };
      await Promise.all(Array.from({ length: WORKERS }, (_, worker) => burst.worker(worker, onAck)));
      await killed;
      const unacknowledged = burst.sent.filter((sent) => !sent.answer);
      expect(unacknowledged.length).toBeGreaterThan(0);

      // Then, after a restart: every acknowledged mutation is there, as it was answered.
      server = await startServerChild(crmEnv(created.url), dir.path);
      const api = new GraphQLTestClient(server.url, token);
      for (const sent of burst.sent.filter((s) => s.operation === 'CreateAccount' && s.answer)) {
        const { account } = (sent.answer as unknown as AccountAnswer).createAccount;
        const found = await api.data<{ account: { id: string; version: number } | null }, Variables>('Account', { id: account.id });
        expect(found.account?.id).toBe(account.id);
      }
      for (const sent of burst.sent.filter((s) => s.operation === 'UpdateAccount' && s.answer)) {
        const found = await api.data<{ account: { name: string; version: number } }, Variables>('Account', { id: sent.input.id });
        expect(found.account).toMatchObject({ name: sent.input.name, version: 2 });
      }
      for (const sent of burst.sent.filter((s) => s.operation === 'AssociateContacts' && s.answer)) {
        for (const contactId of sent.input.contactIds as string[]) {
          const found = await api.data<{ contact: { account: { id: string } | null } }, Variables>('Contact', { id: contactId });
          expect(found.contact.account?.id).toBe(sent.input.accountId);
        }
      }
      // Nothing unacknowledged is half there: a link of two contacts took both or neither.
      for (const sent of unacknowledged.filter((s) => s.operation === 'AssociateContacts')) {
        const accounts = await Promise.all(
          (sent.input.contactIds as string[]).map(async (id) => {
            const found = await api.data<{ contact: { account: { id: string } | null } }, Variables>('Contact', { id });
            return found.contact.account?.id ?? null;
          }),
        );
        expect(new Set(accounts).size).toBe(1);
      }

      // And: retrying what was never acknowledged, with the same keys, applies each mutation once.
      for (const sent of unacknowledged)
        expect(outcomeOf(await api.request<unknown, Variables>(sent.operation, { input: sent.input }))).toBe('OK');
      const auditor = await api.data<{ registerUser: { user: { id: string } } }, Variables>('RegisterUser', {
        input: { email: `auditor-${database.name}@example.com`, name: 'Auditor', roles: ['AUDITOR'] },
      });
      const audit = new GraphQLTestClient(server.url, await issueToken(TEST_JWT_SECRET, auditor.registerUser.user.id));
      const verified = await audit.data<{ verifyAuditTrail: { ok: boolean; eventsChecked: number } }>('VerifyAuditTrail');
      expect(verified.verifyAuditTrail.ok).toBe(true);
      await server.stop();
      server = null;
      const creations = (operation: string) => burst.sent.filter((s) => s.operation === operation).length;
      const stored = await withInspector(created.url, async (crm) => ({
        accounts: (await crm.db.selectFrom('accounts').select('id').where('name', 'like', `% ${database.name} w%`).execute()).length,
        contacts: (await crm.db.selectFrom('contacts').select('id').where('last_name', 'like', `Burst ${database.name} w%`).execute())
          .length,
      }));
      expect(stored).toEqual({ accounts: creations('CreateAccount'), contacts: creations('CreateContact') });

      const after = await inspectAfterCrash(created);
      expect(after).toMatchObject({ ...SOUND, integrity: created.path === null ? null : 'ok' });
      recordFigures('crash: kill -9 during a burst of mutations', database.name, {
        workers: WORKERS,
        sent: burst.sent.length,
        acknowledged: burst.acknowledged,
        unacknowledgedRetried: unacknowledged.length,
        accountsCreated: creations('CreateAccount'),
        contactsCreated: creations('CreateContact'),
        events: after.events,
        eventsChecked: verified.verifyAuditTrail.eventsChecked,
      });
    },
    sized(60_000, 600_000),
  );
});
