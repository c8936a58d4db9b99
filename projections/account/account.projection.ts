import type { Kysely, Updateable } from 'kysely';
import type { AccountProfile } from '../../events';
import { addressColumns } from '../address-columns';
import { defineProjection } from '../projection';
import type { ReadModels } from '../read-models';
import { foldText, searchText } from '../search-text';
import { createAccountsTable, type AccountsTable } from './account.table';

/** The accounts list: one row per account with its current fields. */
export const accountProjection = defineProjection({
  name: 'accounts',
  version: 1,
  tables: ['accounts'],
  createTables: createAccountsTable,
  handlers: {
    AccountCreated: async (db, event) => {
      const { accountId, ownerId, ...profile } = event.data;
      await db
        .insertInto('accounts')
        .values({
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
        })
        .execute();
    },
    AccountUpdated: async (db, event) => {
      const { accountId, ...changes } = event.data;
      const set: Updateable<AccountsTable> = { ...profileColumns(changes), modified_at: event.recordedAt, version: event.streamVersion };
      if (changes.name !== undefined) set.name_key = foldText(changes.name);
      if (changes.name !== undefined || changes.accountNumber !== undefined || changes.email !== undefined) {
        const current = await db
          .selectFrom('accounts')
          .select(['name', 'account_number', 'email'])
          .where('id', '=', accountId)
          .executeTakeFirst();
        set.search_text = searchText(
          changes.name ?? current?.name,
          changes.accountNumber !== undefined ? changes.accountNumber : current?.account_number,
          changes.email !== undefined ? changes.email : current?.email,
        );
      }
      await db.updateTable('accounts').set(set).where('id', '=', accountId).execute();
    },
    AccountDeactivated: (db, event) => touch(db, event.data.accountId, event, { state: 'INACTIVE' }),
    AccountActivated: (db, event) => touch(db, event.data.accountId, event, { state: 'ACTIVE' }),
    AccountOwnerAssigned: (db, event) => touch(db, event.data.accountId, event, { owner_id: event.data.ownerId }),
  },
});

async function touch(
  db: Kysely<ReadModels>,
  accountId: string,
  event: { recordedAt: string; streamVersion: number },
  set: Updateable<AccountsTable>,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ ...set, modified_at: event.recordedAt, version: event.streamVersion })
    .where('id', '=', accountId)
    .execute();
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
