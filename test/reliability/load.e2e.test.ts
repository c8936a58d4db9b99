import { startTestServer, type GraphQLTestClient, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';
import { recordFigures } from './support/figures';
import { liveHeapMb, slope } from './support/heap-sampler';
import { readModelsAndRebuild } from './support/inspect-crm';
import { outcomeOf, percentile, tally } from './support/outcomes';
import { loadSeconds, SOAK } from './support/soak';

const CLIENTS = 100;
const SECONDS = loadSeconds();
const ACCOUNTS = 40;
/** How often the live heap is measured (a full collection each time): about 40 samples per run. */
const SAMPLE_EVERY_MS = Math.max(1000, (SECONDS * 1000) / 40);

/** A deterministic source of choices per client (the workload is the same on every run). */
function chooser(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

type Variables = Record<string, unknown>;

interface Book {
  readonly accounts: { id: string; version: number }[];
  readonly contacts: string[];
}

/**
 * One step of a client: 70% queries (a record, a list, a search, a record with its contacts), 30% mutations
 * (new records, and renames pinned to the version the client last saw, which may be stale: CONFLICT).
 */
async function step(api: GraphQLTestClient, book: Book, random: () => number, n: number): Promise<string> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const roll = random();
  if (roll < 0.2) return outcomeOf(await api.request<unknown, Variables>('Account', { id: pick(book.accounts).id }));
  if (roll < 0.35)
    return outcomeOf(await api.request<unknown, Variables>('Accounts', { view: 'ALL', first: 20, search: pick(['Load', 'ac', 'zz', '']) }));
  if (roll < 0.5) return outcomeOf(await api.request<unknown, Variables>('Contact', { id: pick(book.contacts) }));
  if (roll < 0.6) return outcomeOf(await api.request<unknown, Variables>('Contacts', { view: 'ALL', first: 20 }));
  if (roll < 0.7) return outcomeOf(await api.request<unknown, Variables>('AccountsWithContacts', { first: 10, contactsFirst: 5 }));
  if (roll < 0.8) {
    const account = pick(book.accounts);
    const response = await api.request<{ updateAccount: { account: { version: number } } }, Variables>('UpdateAccount', {
      input: { id: account.id, description: `Load step ${n}`, expectedVersion: account.version },
    });
    account.version = response.data?.updateAccount.account.version ?? account.version + 1;
    return outcomeOf(response);
  }
  if (roll < 0.9) {
    const response = await api.request<{ createContact: { contact: { id: string } } }, Variables>('CreateContact', {
      input: { firstName: 'Load', lastName: `Contact ${n}`, accountId: pick(book.accounts).id },
    });
    if (response.data) book.contacts.push(response.data.createContact.contact.id);
    return outcomeOf(response);
  }
  return outcomeOf(await api.request<unknown, Variables>('CreateAccount', { input: { name: `Load account ${n}` } }));
}

describe.each(TEST_DATABASES)(`a mixed load of ${CLIENTS} clients for ${SECONDS} s on $name`, (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server.dispose();
  });

  it(
    'answers everything but expected CONFLICTs, keeps its memory flat and its read models equal to a rebuild',
    async () => {
      const book: Book = { accounts: [], contacts: [] };
      await Promise.all(
        Array.from({ length: ACCOUNTS }, async (_, i) => {
          const created = await server.admin.data<{ createAccount: { account: { id: string; version: number } } }, Variables>(
            'CreateAccount',
            { input: { name: `Load account seed ${i}` } },
          );
          book.accounts.push({ ...created.createAccount.account });
          const contact = await server.admin.data<{ createContact: { contact: { id: string } } }, Variables>('CreateContact', {
            input: { firstName: 'Seed', lastName: `Contact ${i}`, accountId: created.createAccount.account.id },
          });
          book.contacts.push(contact.createContact.contact.id);
        }),
      );

      const latencies: number[] = [];
      const outcomes: string[] = [];
      const heap: number[] = [liveHeapMb()];
      const deadline = Date.now() + SECONDS * 1000;
      const sampler = setInterval(() => heap.push(liveHeapMb()), SAMPLE_EVERY_MS);
      let n = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          const random = chooser(client + 1);
          while (Date.now() < deadline) {
            const started = performance.now();
            outcomes.push(await step(server.admin, book, random, (n += 1)));
            latencies.push(performance.now() - started);
          }
        }),
      );
      clearInterval(sampler);
      heap.push(liveHeapMb());

      const counts = tally(outcomes);
      const unexpected = Object.keys(counts).filter((code) => code !== 'OK' && code !== 'CONFLICT');
      expect(unexpected.map((code) => `${code}: ${counts[code]}`)).toEqual([]);
      // After the first quarter (warm-up: caches, pools, JIT), the live heap has no growth trend.
      const steady = heap.slice(Math.floor(heap.length / 4));
      const growthMbPerMinute = (slope(steady) * 60_000) / SAMPLE_EVERY_MS;
      if (SOAK) expect(growthMbPerMinute).toBeLessThan(5);
      await server.crm.settle();
      const { live, rebuilt } = await readModelsAndRebuild(server.crm);
      expect(rebuilt).toEqual(live);

      recordFigures('load: mixed 70/30 over HTTP', database.name, {
        clients: CLIENTS,
        seconds: SECONDS,
        requests: outcomes.length,
        perSecond: Math.round(outcomes.length / SECONDS),
        outcomes: counts,
        p50ms: Math.round(percentile(latencies, 50)),
        p99ms: Math.round(percentile(latencies, 99)),
        maxMs: Math.round(percentile(latencies, 100)),
        heapMb: { first: Math.round(heap[0]!), last: Math.round(heap.at(-1)!), max: Math.round(Math.max(...heap)) },
        heapGrowthMbPerMinute: Number(growthMbPerMinute.toFixed(2)),
      });
    },
    120_000 + SECONDS * 2000,
  );
});
