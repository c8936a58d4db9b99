import { defineProjection } from '../projection';
import { createUsersTable } from './user.table';

/** The users of the CRM, for sign-in and for naming owners and actors. */
export const userProjection = defineProjection({
  name: 'users',
  version: 1,
  tables: ['users'],
  createTables: createUsersTable,
  handlers: {
    UserRegistered: async (db, event) => {
      const { userId, email, name, roles } = event.data;
      await db
        .insertInto('users')
        .values({
          id: userId,
          email,
          email_key: email.toLowerCase(),
          name,
          roles: JSON.stringify(roles),
          created_at: event.recordedAt,
          modified_at: event.recordedAt,
          version: event.streamVersion,
        })
        .execute();
    },
    UserRolesChanged: async (db, event) => {
      await db
        .updateTable('users')
        .set({ roles: JSON.stringify(event.data.roles), modified_at: event.recordedAt, version: event.streamVersion })
        .where('id', '=', event.data.userId)
        .execute();
    },
  },
});
