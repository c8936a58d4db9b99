import type { Updateable } from 'kysely';
import type { AccountProfile } from '../../events';
import { addressColumns } from '../address-columns';
import { defineProjection } from '../projection';
import { foldText, searchText } from '../search-text';
import { createAccountsIndexes, createAccountsTable, type AccountsTable } from './account.table';

/** The accounts list: one row per account with its current fields. */
export const accountProjection = defineProjection({
  name: 'accounts',
  version: 1,
  tables: ['accounts'],
  createTables: createAccountsTable,
  createIndexes: createAccountsIndexes,
  rebuildInMemory: true,
  handlers: {
    AccountCreated: (rows, event) => {
      const { accountId, ownerId, ...profile } = event.data;
      return rows.insert('accounts', {
        id: accountId,
        ...profileColumns(profile),
        name: profile.name,
        name_key: foldText(profile.name),
        owner_id: ownerId,
        state: 'ACTIVE',
        created_at: event.recordedAt,
        modified_at: event.recordedAt,
        version: event.streamVersion,
        search_text: searchText(profile.name, profile.accountNumber, profile.email),
      });
    },
    AccountUpdated: async (rows, event) => {
      const { accountId, ...changes } = event.data;
      const set: Updateable<AccountsTable> = { ...profileColumns(changes), modified_at: event.recordedAt, version: event.streamVersion };
      if (changes.name !== undefined) set.name_key = foldText(changes.name);
      if (changes.name !== undefined || changes.accountNumber !== undefined || changes.email !== undefined) {
        const current = await rows.get('accounts', accountId, ['name', 'account_number', 'email']);
        set.search_text = searchText(
          changes.name ?? current?.name,
          changes.accountNumber !== undefined ? changes.accountNumber : current?.account_number,
          changes.email !== undefined ? changes.email : current?.email,
        );
      }
      await rows.update('accounts', accountId, set);
    },
    AccountDeactivated: (rows, event) => rows.update('accounts', event.data.accountId, touched(event, { state: 'INACTIVE' })),
    AccountActivated: (rows, event) => rows.update('accounts', event.data.accountId, touched(event, { state: 'ACTIVE' })),
    AccountOwnerAssigned: (rows, event) => rows.update('accounts', event.data.accountId, touched(event, { owner_id: event.data.ownerId })),
  },
});

/** The change plus what every event changes: the modification time and the version. */
function touched(event: { recordedAt: string; streamVersion: number }, set: Updateable<AccountsTable>): Updateable<AccountsTable> {
  return { ...set, modified_at: event.recordedAt, version: event.streamVersion };
}

/** The columns for the profile fields present in `profile` (absent fields are left out). */
function profileColumns(profile: Partial<AccountProfile>): Updateable<AccountsTable> {
  const columns: Updateable<AccountsTable> = {};
  if (profile.name !== undefined) columns.name = profile.name;
  if (profile.accountNumber !== undefined) columns.account_number = profile.accountNumber;
  if (profile.phone !== undefined) columns.phone = profile.phone;
  if (profile.email !== undefined) columns.email = profile.email;
  if (profile.website !== undefined) columns.website = profile.website;
  if (profile.industry !== undefined) columns.industry = profile.industry;
  if (profile.annualRevenue !== undefined) columns.annual_revenue = profile.annualRevenue;
  if (profile.numberOfEmployees !== undefined) columns.number_of_employees = profile.numberOfEmployees;
  if (profile.description !== undefined) columns.description = profile.description;
  if (profile.address !== undefined) Object.assign(columns, addressColumns(profile.address));
  if (profile.parentAccountId !== undefined) columns.parent_account_id = profile.parentAccountId;
  if (profile.primaryContactId !== undefined) columns.primary_contact_id = profile.primaryContactId;
  return columns;
}
