import { ACCOUNT_ORDERINGS, countAccounts, listAccounts, type AccountOrderName } from '../../projections/account/account.queries';
import { contactsOfAccounts, listContacts } from '../../projections/contact/contact.queries';
import { InvalidCursorError, encodeCursor } from '../../projections/pagination';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import { TEST_DATABASES } from '../support/test-databases';

describe.each(TEST_DATABASES)('read models on $name', (database) => {
  let t: TestCrm;
  beforeEach(async () => {
    t = await openTestCrm(database);
  });
  afterEach(async () => {
    await t.dispose();
  });

  const names = async (request: Parameters<typeof listAccounts>[1]) => (await listAccounts(t.crm.db, request)).rows.map((row) => row.name);
  const base = { viewerId: '', view: 'ACTIVE', orderBy: 'NAME_ASC', first: 50 } as const;

  it('finds accounts by name, account number or e-mail, accent- and case-insensitively', async () => {
    await t.commands().createAccount({ name: 'Łódzkie Zakłady Włókiennicze', accountNumber: 'PL-001' });
    await t.commands().createAccount({ name: 'Müller GmbH', email: 'kontakt@muller.de' });
    await t.commands().createAccount({ name: 'Contoso' });
    expect(await names({ ...base, viewerId: t.userId, search: 'lodzkie' })).toEqual(['Łódzkie Zakłady Włókiennicze']);
    expect(await names({ ...base, viewerId: t.userId, search: 'ZAKŁADY łódzkie' })).toEqual(['Łódzkie Zakłady Włókiennicze']);
    expect(await names({ ...base, viewerId: t.userId, search: 'pl-001' })).toEqual(['Łódzkie Zakłady Włókiennicze']);
    expect(await names({ ...base, viewerId: t.userId, search: 'MULLER' })).toEqual(['Müller GmbH']);
    expect(await names({ ...base, viewerId: t.userId, search: 'kontakt@' })).toEqual(['Müller GmbH']);
    expect(await names({ ...base, viewerId: t.userId, search: '%' })).toEqual([]);
    expect(await names({ ...base, viewerId: t.userId, search: 'lodz contoso' })).toEqual([]);
  });

  it('keeps the search text current when the name or e-mail changes', async () => {
    const { result } = await t.commands().createAccount({ name: 'Old Name', email: 'old@example.com' });
    await t.commands().updateAccount({ id: result.id, email: 'nowy@przykład.pl' });
    await t.commands().updateAccount({ id: result.id, name: 'Nowa Nazwa' });
    expect(await names({ ...base, viewerId: t.userId, search: 'old' })).toEqual([]);
    expect(await names({ ...base, viewerId: t.userId, search: 'nowa nazwa przyklad' })).toEqual(['Nowa Nazwa']);
  });

  it('shows each view: active, inactive, all, and my active', async () => {
    const other = await t.addUser('other@example.com');
    const mine = (await t.commands().createAccount({ name: 'Mine' })).result.id;
    await t.commands().createAccount({ name: 'Theirs', ownerId: other });
    const closed = (await t.commands().createAccount({ name: 'Closed' })).result.id;
    await t.commands().deactivateAccount({ id: closed });
    const view = (v: 'ACTIVE' | 'INACTIVE' | 'ALL' | 'MY_ACTIVE') => names({ ...base, view: v, viewerId: t.userId });
    expect(await view('ACTIVE')).toEqual(['Mine', 'Theirs']);
    expect(await view('INACTIVE')).toEqual(['Closed']);
    expect(await view('ALL')).toEqual(['Closed', 'Mine', 'Theirs']);
    expect(await view('MY_ACTIVE')).toEqual(['Mine']);
    expect(await countAccounts(t.crm.db, { view: 'ALL', viewerId: t.userId })).toBe(3);
    expect(mine).toBeDefined();
  });

  it.each<[AccountOrderName, string[]]>([
    ['NAME_ASC', ['Ąbecadło', 'alfa', 'Beta', 'beta', 'Żuraw']],
    ['NAME_DESC', ['Żuraw', 'beta', 'Beta', 'alfa', 'Ąbecadło']],
  ])('orders by name accent- and case-insensitively (%s)', async (orderBy, expected) => {
    for (const name of ['Beta', 'Żuraw', 'alfa', 'beta', 'Ąbecadło']) await t.commands().createAccount({ name });
    const ordered = await names({ ...base, viewerId: t.userId, orderBy });
    // Equal keys (Beta/beta) are ordered by id, i.e. creation order.
    expect(ordered).toEqual(expected);
  });

  it.each<AccountOrderName>(['NAME_ASC', 'NAME_DESC', 'CREATED_DESC', 'MODIFIED_DESC'])(
    'pages through every account exactly once with cursors (%s)',
    async (orderBy) => {
      for (let i = 0; i < 23; i += 1) await t.commands().createAccount({ name: `Firma ${i % 5}` });
      const all = await listAccounts(t.crm.db, { ...base, viewerId: t.userId, orderBy, first: 100 });
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages += 1) {
        const page = await listAccounts(t.crm.db, { ...base, viewerId: t.userId, orderBy, first: 5, after });
        seen.push(...page.rows.map((row) => row.id));
        if (!page.hasNextPage) break;
        after = encodeCursor(ACCOUNT_ORDERINGS[orderBy], page.rows[page.rows.length - 1]!);
      }
      expect(seen).toEqual(all.rows.map((row) => row.id));
      expect(seen).toHaveLength(23);
    },
  );

  it('refuses a cursor from another ordering or a forged one', async () => {
    await t.commands().createAccount({ name: 'A' });
    const cursor = encodeCursor(ACCOUNT_ORDERINGS.NAME_ASC, { name_key: 'a', id: 'x' });
    await expect(listAccounts(t.crm.db, { ...base, viewerId: t.userId, orderBy: 'CREATED_DESC', after: cursor })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    await expect(listAccounts(t.crm.db, { ...base, viewerId: t.userId, after: 'bm90IGpzb24' })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it("pages each account's contacts in one statement, by last name", async () => {
    const a = (await t.commands().createAccount({ name: 'A' })).result.id;
    const b = (await t.commands().createAccount({ name: 'B' })).result.id;
    for (const [first, last, account] of [
      ['Zofia', 'Wójcik', a],
      ['Jan', 'Kowalski', a],
      ['Anna', 'Kowalska', a],
      ['Piotr', 'Nowak', b],
    ] as const) {
      await t.commands().createContact({ firstName: first, lastName: last, accountId: account });
    }
    const pages = await contactsOfAccounts(t.crm.db, [a, b, 'none'], { view: 'ACTIVE', viewerId: t.userId, first: 2 });
    expect(pages.get(a)!.rows.map((row) => row.full_name)).toEqual(['Anna Kowalska', 'Jan Kowalski']);
    expect(pages.get(a)!.hasNextPage).toBe(true);
    expect(pages.get(b)!.rows.map((row) => row.full_name)).toEqual(['Piotr Nowak']);
    expect(pages.get('none')!.rows).toEqual([]);
    const list = await listContacts(t.crm.db, { view: 'ALL', viewerId: t.userId, accountId: a, orderBy: 'LAST_NAME_DESC', first: 10 });
    expect(list.rows.map((row) => row.last_name)).toEqual(['Wójcik', 'Kowalski', 'Kowalska']);
  });
});
