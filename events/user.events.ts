import type { EventOf } from './event';

/** The security roles a user can hold; privileges add up across roles. */
export const ROLES = ['SALESPERSON', 'SALES_MANAGER', 'ADMINISTRATOR', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

export type UserRegistered = EventOf<
  'UserRegistered',
  { readonly userId: string; readonly email: string; readonly name: string; readonly roles: readonly Role[] }
>;
export type UserRolesChanged = EventOf<
  'UserRolesChanged',
  { readonly userId: string; readonly roles: readonly Role[]; readonly previousRoles: readonly Role[] }
>;
/**
 * Claims an e-mail address for one user. Appended to the address's own stream with "no stream yet" as the
 * expectation, so two registrations of one address can never both succeed.
 */
export type UserEmailClaimed = EventOf<'UserEmailClaimed', { readonly email: string; readonly userId: string }>;

/** The user may no longer sign in: their tokens are refused from now on. Their records and history stay. */
export type UserDeactivated = EventOf<'UserDeactivated', { readonly userId: string }>;
export type UserActivated = EventOf<'UserActivated', { readonly userId: string }>;

/**
 * The user chose whether they may be named to colleagues as someone who knows a contact (who knows whom).
 * Who made the choice is the event's actor.
 */
export type UserIntroductionsPreferenceSet = EventOf<
  'UserIntroductionsPreferenceSet',
  { readonly userId: string; readonly optedOut: boolean }
>;

export type UserEvent =
  UserRegistered | UserRolesChanged | UserEmailClaimed | UserDeactivated | UserActivated | UserIntroductionsPreferenceSet;

export const USER_EVENT_TYPES = [
  'UserRegistered',
  'UserRolesChanged',
  'UserEmailClaimed',
  'UserDeactivated',
  'UserActivated',
  'UserIntroductionsPreferenceSet',
] as const satisfies readonly UserEvent['type'][];
