import { defineProjection } from '../projection';
import { createUsersTable } from './user.table';

/** The users of the CRM, for sign-in and for naming owners and actors. */
export const userProjection = defineProjection({
  name: 'users',
  version: 1,
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
  },
});
