import { readdirSync, readFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { sql } from 'kysely';
import { Client } from 'pg';
import { SYSTEM_ACTOR_ID, streamIds } from '../../events';
import { contactsByIds, listContacts } from '../../projections/contact/contact.queries';
import { ForbiddenError } from '../../src/domain/errors';
import { PersonalDataService } from '../../src/personal-data/personal-data-service';
import { dumpReadModels } from '../support/dump-read-models';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import { TEST_DATABASES, temporaryDir } from '../support/test-databases';
import { relationshipFiguresOf } from '../../projections/relationship/relationship.queries';
import { configuredHealthSettings } from '../../schema/relationship/relationship.loaders';
import { ImportService } from '../../src/import/job/import-service';
import { UploadStore } from '../../src/import/uploads/upload-store';
import { salesCommands } from '../support/test-sales';

const EMAIL = 'ewa.distinctive-7731@example.org';
const PHONE = '+48 600 777 331';
const NEW_PHONE = '+48 600 777 332';
const STREET = 'ul. Niepowtarzalna 7731';
const SECRETS = [EMAIL, PHONE, NEW_PHONE, STREET, 'Distinctive'];

/** Which of the secrets can still be found anywhere in the stored data (files on SQLite, every table's text on PostgreSQL). */
async function secretsFound(t: TestCrm): Promise<string[]> {
  if (t.path) {
    const files = readdirSync(dirname(t.path)).filter((file) => file.startsWith(basename(t.path!)));
    const bytes = Buffer.concat(files.map((file) => readFileSync(join(dirname(t.path!), file))));
    return SECRETS.filter(
      (secret) => bytes.includes(Buffer.from(secret, 'utf8')) || bytes.includes(Buffer.from(secret.toLowerCase(), 'utf8')),
    );
  }
  const client = new Client({ connectionString: t.url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'");
    let text = '';
    for (const { name } of tables.rows)
      text += (await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`)).rows.map((r) => r.row).join('\n');
    return SECRETS.filter((secret) => text.includes(secret) || text.includes(secret.toLowerCase()));
  } finally {
    await client.end();
  }
}

describe.each(TEST_DATABASES)('erasing a person’s data on $name', (database) => {
  let t: TestCrm;
  let adminId: string;
  let accountId: string;
  let contactId: string;
  beforeEach(async () => {
    t = await openTestCrm(database);
    adminId = (
      await t
        .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' })
        .registerUser({ email: 'dpo@example.com', name: 'Data Officer', roles: ['ADMINISTRATOR'] })
    ).result.id;
    accountId = (await t.commands().createAccount({ name: 'Contoso' })).result.id;
    contactId = (
      await t.commands().createContact({
        firstName: 'Ewa',
        lastName: 'Distinctive',
        email: EMAIL,
        phone: PHONE,
        address: { line1: STREET, city: 'Zakopane' },
        accountId,
      })
    ).result.id;
    await t.commands().updateContact({ id: contactId, phone: NEW_PHONE, jobTitle: 'Buyer' });
  });
  afterEach(async () => {
    await t.dispose();
  });

  const service = () => new PersonalDataService(t.crm);
  const erase = (actorId = adminId) =>
    service().eraseContact({ actorId, source: 'api' }, { contactId, reason: 'Request of 2026-11-28 (art. 17 GDPR)' });

  it('never writes the person’s data into an event in plaintext', async () => {
    const found = await secretsFound(t);
    // The read models hold them until erasure: the scan can see them …
    expect(found).toEqual(expect.arrayContaining([EMAIL, NEW_PHONE]));
    // … but no stored event does, while reading them back gives the values.
    const stored = await sql<{ type: string; data: string }>`select type, data from events`.execute(t.crm.db);
    expect(stored.rows.map((row) => row.type)).toContain('ContactCreated');
    for (const row of stored.rows) for (const secret of SECRETS) expect(row.data).not.toContain(secret);
    const [created] = await t.crm.store.readStream(streamIds.contact(contactId));
    expect(created).toMatchObject({ data: { email: EMAIL, phone: PHONE, lastName: 'Distinctive' } });
  });

  it('leaves nothing of the person in the database, keeps the record, and the audit trail still verifies', async () => {
    await erase();
    expect(await secretsFound(t)).toEqual([]);
    expect(await t.crm.store.verify()).toMatchObject({ ok: true });
    const [row] = await contactsByIds(t.crm.db, [contactId]);
    expect(row).toMatchObject({ first_name: '', last_name: '[erased]', full_name: '[erased]', email: null, phone: null, job_title: null });
    expect(row).toMatchObject({ account_id: accountId, state: 'ACTIVE', owner_id: t.userId });
    expect(row!.personal_data_erased_at).toEqual(expect.any(String));
    expect(
      (await listContacts(t.crm.db, { view: 'ALL', viewerId: t.userId, search: 'distinctive', orderBy: 'LAST_NAME_ASC', first: 10 })).rows,
    ).toEqual([]);
  });

  it('keeps every step of the history, each personal value read as erased', async () => {
    await erase();
    const events = await t.crm.store.readStream(streamIds.contact(contactId));
    expect(events.map((event) => event.type)).toEqual([
      'ContactCreated',
      'ContactAssociatedWithAccount',
      'ContactUpdated',
      'ContactPersonalDataErased',
    ]);
    expect(events[0]).toMatchObject({ data: { firstName: '', lastName: '[erased]', email: null, phone: null, address: null } });
    expect(events[0]!.erasedFields).toEqual(expect.arrayContaining(['firstName', 'lastName', 'email', 'phone', 'address']));
    expect(events[2]).toMatchObject({
      data: { phone: null, jobTitle: null },
      erasedFields: expect.arrayContaining(['phone', 'jobTitle']) as unknown,
    });
    expect(events[3]).toMatchObject({ data: { reason: 'Request of 2026-11-28 (art. 17 GDPR)' }, metadata: { actorId: adminId } });
  });

  it('forgets the person everywhere they were recorded: activities, an import of a duplicate, KPIs kept', async () => {
    const sales = salesCommands(t);
    const occurredAt = (day: number) => new Date(Date.now() - day * 24 * 60 * 60 * 1000).toISOString();
    await sales.logActivity({
      type: 'PHONE_CALL',
      subject: `Call back on ${PHONE}`,
      occurredAt: occurredAt(3),
      regardingContactId: contactId,
      direction: 'OUTGOING',
      durationMinutes: 15,
    });
    await sales.logActivity({
      type: 'EMAIL',
      subject: `Offer sent to ${EMAIL}`,
      description: `She lives at ${STREET}`,
      occurredAt: occurredAt(2),
      regardingContactId: contactId,
      direction: 'INCOMING',
    });
    const uploads = temporaryDir();
    const imports = new ImportService(t.crm, { uploads: new UploadStore(uploads.path, 1024 * 1024) });
    try {
      const { jobId } = await imports.start(t.userId, {
        entity: 'CONTACT',
        content: `First Name,Last Name,E-mail Address,Business Phone\nEwa,Distinctive,${EMAIL},${PHONE}\n`,
      });
      await imports.completion(jobId);
      expect(
        await t.crm.db.selectFrom('import_jobs').select(['status', 'skipped_count']).where('id', '=', jobId).executeTakeFirst(),
      ).toEqual({
        status: 'COMPLETED',
        skipped_count: 1,
      });
    } finally {
      await imports.stop();
      uploads.remove();
    }
    const figures = () => relationshipFiguresOf(t.crm.db, 'contact', [contactId], new Date(), configuredHealthSettings());
    const kpisBefore = await figures();
    expect(kpisBefore.get(contactId)).toMatchObject({ emailsReceived: 1, phoneCallsMade: 1 });

    await erase();
    expect(await secretsFound(t)).toEqual([]);
    expect(await t.crm.store.verify()).toMatchObject({ ok: true });
    expect(await figures()).toEqual(kpisBefore);
    const before = await dumpReadModels(t.crm);
    await t.crm.rebuild();
    expect(await dumpReadModels(t.crm)).toEqual(before);
    expect(await secretsFound(t)).toEqual([]);
  });

  it('rebuilds the read models to the same erased state', async () => {
    await erase();
    const before = await dumpReadModels(t.crm);
    await t.crm.rebuild();
    expect(await dumpReadModels(t.crm)).toEqual(before);
    expect(await secretsFound(t)).toEqual([]);
  });

  it('forgets the person in the command cache as well', async () => {
    await t.commands().updateContact({ id: contactId, description: 'warm the cache' });
    await erase();
    const cached = t.crm.handler.cache.get(streamIds.contact(contactId));
    expect(JSON.stringify(cached ?? {})).not.toContain(EMAIL);
  });

  it('is an administrator’s privilege: anyone else is refused and nothing is written', async () => {
    const head = await t.crm.store.headPosition();
    await expect(erase(t.userId)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await t.crm.store.headPosition()).toBe(head);
    expect(await secretsFound(t)).toEqual(expect.arrayContaining([EMAIL]));
  });

  it('does nothing more when asked to erase an erased person again', async () => {
    await erase();
    const head = await t.crm.store.headPosition();
    const again = await erase();
    expect(again.events).toEqual([]);
    expect(await t.crm.store.headPosition()).toBe(head);
  });

  it('exports every field and step of a person who was not erased', async () => {
    const exported = await service().exportContact(contactId, ['ADMINISTRATOR'], new Date('2026-11-28T12:00:00.000Z'));
    expect(exported).toMatchObject({
      erased: false,
      exportedAt: '2026-11-28T12:00:00.000Z',
      contact: {
        firstName: 'Ewa',
        lastName: 'Distinctive',
        email: EMAIL,
        phone: NEW_PHONE,
        jobTitle: 'Buyer',
        account: { id: accountId, name: 'Contoso' },
      },
    });
    const history = exported.history as { event: string; actor: { id: string } | null; data: Record<string, unknown> }[];
    expect(history.map((step) => step.event)).toEqual(['ContactCreated', 'ContactAssociatedWithAccount', 'ContactUpdated']);
    expect(history[0]!.data).toMatchObject({ email: EMAIL, phone: PHONE, address: { line1: STREET, city: 'Zakopane' } });
    expect(history[2]!.data).toEqual({ phone: NEW_PHONE, jobTitle: 'Buyer' });
    expect(history.every((step) => step.actor?.id === t.userId)).toBe(true);
  });

  it('exports the interactions recorded with the person: regarding them or with them taking part', async () => {
    const sales = salesCommands(t);
    const call = (
      await sales.logActivity({
        type: 'PHONE_CALL',
        subject: 'Renewal call',
        occurredAt: '2026-11-02T10:00:00.000Z',
        regardingContactId: contactId,
        direction: 'OUTGOING',
        durationMinutes: 12,
      })
    ).result.id;
    const meeting = (
      await sales.logActivity({
        type: 'APPOINTMENT',
        subject: 'Quarterly review',
        occurredAt: '2026-11-03T10:00:00.000Z',
        regardingAccountId: accountId,
        participants: [{ contactId }, { userId: t.userId }],
      })
    ).result.id;
    await sales.logActivity({
      type: 'TASK',
      subject: 'Not about her',
      occurredAt: '2026-11-04T10:00:00.000Z',
      regardingAccountId: accountId,
    });
    const exported = await service().exportContact(contactId, ['ADMINISTRATOR'], new Date());
    expect(exported.activities).toEqual([
      expect.objectContaining({ id: call, type: 'PHONE_CALL', subject: 'Renewal call', durationMinutes: 12, role: 'REGARDING' }),
      expect.objectContaining({ id: meeting, type: 'APPOINTMENT', subject: 'Quarterly review', role: 'PARTICIPANT' }),
    ]);
  });

  it('erases what activities regarding the person say, keeping the activities', async () => {
    const sales = salesCommands(t);
    const id = (
      await sales.logActivity({
        type: 'EMAIL',
        subject: `Offer for ${EMAIL}`,
        description: `Call ${PHONE}`,
        occurredAt: '2026-11-02T10:00:00.000Z',
        regardingContactId: contactId,
      })
    ).result.id;
    await erase();
    await t.crm.scrub();
    expect(await secretsFound(t)).toEqual([]);
    const rows = await t.crm.db.selectFrom('activities').select(['id', 'subject', 'description']).execute();
    expect(rows).toEqual([{ id, subject: '[erased]', description: null }]);
  });

  it('exports, for an erased person, that and when they were erased and by whom, and nothing personal', async () => {
    await erase();
    const exported = await service().exportContact(contactId, ['ADMINISTRATOR'], new Date());
    expect(exported).toMatchObject({
      erased: true,
      erasedBy: { id: adminId, name: 'Data Officer' },
      reason: 'Request of 2026-11-28 (art. 17 GDPR)',
    });
    expect(exported.erasedAt).toEqual(expect.any(String));
    const text = JSON.stringify(exported);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    await expect(service().exportContact(contactId, ['SALES_MANAGER'] as const, new Date())).rejects.toBeInstanceOf(ForbiddenError);
  });
});
