import type {
  CreateContactMutation,
  CreateContactMutationVariables,
  EraseContactPersonalDataMutation,
  EraseContactPersonalDataMutationVariables,
  ExportContactPersonalDataQuery,
  ExportContactPersonalDataQueryVariables,
} from '../generated/operations';
import { startTestServer, type TestServer } from '../support/graphql-client';
import { TEST_DATABASES } from '../support/test-databases';

describe.each(TEST_DATABASES)("a person's rights over GraphQL on $name", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server.dispose();
  });

  const createContact = async () =>
    (
      await server.admin.data<CreateContactMutation, CreateContactMutationVariables>('CreateContact', {
        input: { firstName: 'Aiko', lastName: 'Tanaka', email: 'aiko.tanaka-551@example.jp', phone: '+81 3 5555 0101' },
      })
    ).createContact.contact.id;

  it('exports a contact for an administrator, with its fields and history', async () => {
    const contactId = await createContact();
    const { exportContactPersonalData: exported } = await server.admin.data<
      ExportContactPersonalDataQuery,
      ExportContactPersonalDataQueryVariables
    >('ExportContactPersonalData', { contactId });
    expect(exported).toMatchObject({ erased: false, contact: { email: 'aiko.tanaka-551@example.jp', phone: '+81 3 5555 0101' } });
    expect((exported as { history: { event: string }[] }).history.map((step) => step.event)).toEqual(['ContactCreated']);
  });

  it('erases a contact: the answer shows the record with its name erased and when', async () => {
    const contactId = await createContact();
    const { eraseContactPersonalData: erased } = await server.admin.data<
      EraseContactPersonalDataMutation,
      EraseContactPersonalDataMutationVariables
    >('EraseContactPersonalData', { input: { contactId, reason: 'Asked by e-mail on 2026-11-20' } });
    expect(erased.contact).toMatchObject({
      id: contactId,
      firstName: '',
      lastName: '[erased]',
      fullName: '[erased]',
      email: null,
      phone: null,
      state: 'ACTIVE',
    });
    expect(erased.contact.personalDataErasedAt).toMatch(/^\d{4}-\d\d-\d\dT/u);
    const { exportContactPersonalData: exported } = await server.admin.data<
      ExportContactPersonalDataQuery,
      ExportContactPersonalDataQueryVariables
    >('ExportContactPersonalData', { contactId });
    expect(exported).toMatchObject({ erased: true, reason: 'Asked by e-mail on 2026-11-20', erasedBy: { id: server.adminId } });
    expect(JSON.stringify(exported)).not.toContain('aiko.tanaka-551');
  });

  it('refuses erasure and export to anyone but an administrator, and a blank reason to anyone', async () => {
    const contactId = await createContact();
    const manager = await server.newUser(`manager-${Date.now()}@example.com`);
    const denied = await manager.client.error<EraseContactPersonalDataMutationVariables>('EraseContactPersonalData', {
      input: { contactId, reason: 'because' },
    });
    expect(denied.extensions).toMatchObject({ code: 'FORBIDDEN', privilege: 'erasePersonalData' });
    const deniedExport = await manager.client.error<ExportContactPersonalDataQueryVariables>('ExportContactPersonalData', { contactId });
    expect(deniedExport.extensions.code).toBe('FORBIDDEN');
    const blank = await server.admin.error<EraseContactPersonalDataMutationVariables>('EraseContactPersonalData', {
      input: { contactId, reason: '  ' },
    });
    expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });
});
