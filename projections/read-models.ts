import type { AccountsTable } from './account/account.table';
import type { ContactsTable } from './contact/contact.table';
import type { UsersTable } from './user/user.table';

/** Every read-model table, as Kysely sees them. */
export interface ReadModels {
  accounts: AccountsTable;
  contacts: ContactsTable;
  users: UsersTable;
}
