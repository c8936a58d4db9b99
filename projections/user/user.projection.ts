import { defineProjection } from '../projection';
import { foldText, searchText } from '../search-text';
import { createUsersTable } from './user.table';

/** The users of the CRM, for sign-in and for naming owners and actors. */
export const userProjection = defineProjection({
  name: 'users',
  version: 2,
  tables: ['users'],
  createTables: createUsersTable,
  rebuildInMemory: true,
  handlers: {
    UserRegistered: (rows, event) => {
      const { userId, email, name, roles } = event.data;
      return rows.insert('users', {
        id: userId,
        email,
        email_key: email.toLowerCase(),
        name,
        roles: JSON.stringify(roles),
        state: 'ACTIVE',
        name_key: foldText(name),
        search_text: searchText(name, email),
        created_at: event.recordedAt,
        modified_at: event.recordedAt,
        version: event.streamVersion,
      });
    },
    UserRolesChanged: (rows, event) =>
      rows.update('users', event.data.userId, {
        roles: JSON.stringify(event.data.roles),
        modified_at: event.recordedAt,
        version: event.streamVersion,
      }),
    UserDeactivated: (rows, event) =>
      rows.update('users', event.data.userId, { state: 'INACTIVE', modified_at: event.recordedAt, version: event.streamVersion }),
    UserActivated: (rows, event) =>
      rows.update('users', event.data.userId, { state: 'ACTIVE', modified_at: event.recordedAt, version: event.streamVersion }),
  },
});
