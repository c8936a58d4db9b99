import type { Updateable } from 'kysely';
import { ERASED_CONTACT_PROFILE, ERASED_NAME, type ContactProfile } from '../../events';
import { addressColumns } from '../address-columns';
import { defineProjection } from '../projection';
import { foldText, searchText } from '../search-text';
import { createContactsIndexes, createContactsTable, type ContactsTable } from './contact.table';

/** The contacts list: one row per contact with its current fields and account. */
export const contactProjection = defineProjection({
  name: 'contacts',
  version: 2,
  tables: ['contacts'],
  createTables: createContactsTable,
  createIndexes: createContactsIndexes,
  rebuildInMemory: true,
  holdsPersonalData: true,
  handlers: {
    ContactCreated: (rows, event) => {
      const { contactId, ownerId, ...profile } = event.data;
      const fullName = `${profile.firstName} ${profile.lastName}`.trim();
      return rows.insert('contacts', {
        id: contactId,
        ...profileColumns(profile),
        first_name: profile.firstName,
        last_name: profile.lastName,
        full_name: fullName,
        first_name_key: foldText(profile.firstName),
        last_name_key: foldText(profile.lastName),
        account_id: null,
        owner_id: ownerId,
        state: 'ACTIVE',
        created_at: event.recordedAt,
        modified_at: event.recordedAt,
        version: event.streamVersion,
        search_text: searchText(fullName, profile.email),
        personal_data_erased_at: null,
      });
    },
    ContactUpdated: async (rows, event) => {
      const { contactId, ...changes } = event.data;
      const set: Updateable<ContactsTable> = { ...profileColumns(changes), modified_at: event.recordedAt, version: event.streamVersion };
      if (changes.firstName !== undefined || changes.lastName !== undefined || changes.email !== undefined) {
        const current = await rows.get('contacts', contactId, ['first_name', 'last_name', 'email']);
        const firstName = changes.firstName ?? current?.first_name ?? '';
        const lastName = changes.lastName ?? current?.last_name ?? '';
        const email = changes.email !== undefined ? changes.email : (current?.email ?? null);
        Object.assign(set, {
          full_name: `${firstName} ${lastName}`.trim(),
          first_name_key: foldText(firstName),
          last_name_key: foldText(lastName),
          search_text: searchText(`${firstName} ${lastName}`.trim(), email),
        });
      }
      await rows.update('contacts', contactId, set);
    },
    ContactAssociatedWithAccount: (rows, event) =>
      rows.update('contacts', event.data.contactId, touched(event, { account_id: event.data.accountId })),
    ContactDisassociatedFromAccount: (rows, event) => rows.update('contacts', event.data.contactId, touched(event, { account_id: null })),
    ContactDeactivated: (rows, event) => rows.update('contacts', event.data.contactId, touched(event, { state: 'INACTIVE' })),
    ContactActivated: (rows, event) => rows.update('contacts', event.data.contactId, touched(event, { state: 'ACTIVE' })),
    ContactOwnerAssigned: (rows, event) => rows.update('contacts', event.data.contactId, touched(event, { owner_id: event.data.ownerId })),
    // Every personal column is blanked; search no longer finds the person. The record itself stays.
    ContactPersonalDataErased: (rows, event) =>
      rows.update(
        'contacts',
        event.data.contactId,
        touched(event, {
          ...profileColumns(ERASED_CONTACT_PROFILE),
          full_name: ERASED_NAME,
          first_name_key: '',
          last_name_key: foldText(ERASED_NAME),
          search_text: '',
          personal_data_erased_at: event.recordedAt,
        }),
      ),
  },
});

/** The change plus what every event changes: the modification time and the version. */
function touched(event: { recordedAt: string; streamVersion: number }, set: Updateable<ContactsTable>): Updateable<ContactsTable> {
  return { ...set, modified_at: event.recordedAt, version: event.streamVersion };
}

function profileColumns(profile: Partial<ContactProfile>): Updateable<ContactsTable> {
  const columns: Updateable<ContactsTable> = {};
  if (profile.firstName !== undefined) columns.first_name = profile.firstName;
  if (profile.lastName !== undefined) columns.last_name = profile.lastName;
  if (profile.jobTitle !== undefined) columns.job_title = profile.jobTitle;
  if (profile.email !== undefined) columns.email = profile.email;
  if (profile.phone !== undefined) columns.phone = profile.phone;
  if (profile.mobilePhone !== undefined) columns.mobile_phone = profile.mobilePhone;
  if (profile.description !== undefined) columns.description = profile.description;
  if (profile.address !== undefined) Object.assign(columns, addressColumns(profile.address));
  return columns;
}
