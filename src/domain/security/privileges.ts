import type { Role } from '../../../events';

/** What a user may do. Record privileges have a depth; the others are yes or no. */
export const PRIVILEGES = [
  'create',
  'read',
  'update',
  'deactivate',
  'associate',
  'assign',
  'logActivity',
  'import',
  'settings',
  'manageUsers',
  'readAudit',
  'erasePersonalData',
] as const;
export type Privilege = (typeof PRIVILEGES)[number];

/** How far a privilege reaches: the records the user owns, or every record. */
export type Depth = 'own' | 'all';

/** What each privilege lets a user do, in the words errors and the README use. */
export const PRIVILEGE_DESCRIPTIONS: Readonly<Record<Privilege, string>> = {
  create: 'create accounts, contacts, opportunities, quotes, invoices',
  read: 'read records',
  update: 'change records',
  deactivate: 'deactivate and activate records',
  associate: 'link and unlink contacts and accounts',
  assign: 'assign records to another owner',
  logActivity: 'log activities regarding records',
  import: 'import records from files',
  settings: 'change the organisation settings',
  manageUsers: 'register users, change their roles, deactivate them',
  readAudit: 'read the history of records and the audit log',
  erasePersonalData: "export and erase a person's personal data",
};

/**
 * The roles as data: each role's privileges and their depth. A user may hold several roles; their
 * privileges add up (the widest depth wins).
 */
export const ROLE_PRIVILEGES: Readonly<Record<Role, Readonly<Partial<Record<Privilege, Depth>>>>> = {
  SALESPERSON: { create: 'all', read: 'all', update: 'own', deactivate: 'own', associate: 'own', logActivity: 'own' },
  SALES_MANAGER: {
    create: 'all',
    read: 'all',
    update: 'all',
    deactivate: 'all',
    associate: 'all',
    logActivity: 'all',
    assign: 'all',
    import: 'all',
  },
  ADMINISTRATOR: { read: 'all', settings: 'all', manageUsers: 'all', erasePersonalData: 'all' },
  AUDITOR: { read: 'all', readAudit: 'all' },
};

/** The widest depth the roles grant for a privilege, or null when none grants it. */
export function depthOf(roles: readonly Role[], privilege: Privilege): Depth | null {
  let depth: Depth | null = null;
  for (const role of roles) {
    const granted = ROLE_PRIVILEGES[role][privilege];
    if (granted === 'all') return 'all';
    if (granted === 'own') depth = 'own';
  }
  return depth;
}

/** Whether the roles let their holder use `privilege` on a record owned by `ownerId` (or on no record in particular). */
export function allows(roles: readonly Role[], privilege: Privilege, actorId: string, ownerId?: string | null): boolean {
  const depth = depthOf(roles, privilege);
  if (depth === 'all') return true;
  if (depth === 'own') return ownerId === undefined || ownerId === actorId;
  return false;
}
