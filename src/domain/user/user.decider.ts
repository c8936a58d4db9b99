import { ROLES, type Role, type UserEvent } from '../../../events';
import { assertNever } from '../../shared/assert-never';
import type { Decider } from '../decider';
import { NotFoundError, RecordInactiveError, ValidationError } from '../errors';
import { InputCheck, LIMITS } from '../validation';
import type { UserCommand } from './user.commands';
import { evolveUser, initialUserState, type UserState } from './user.state';

export const userDecider: Decider<UserCommand, UserState, UserEvent> = {
  initialState: initialUserState,
  evolve: evolveUser,
  decide(command, state) {
    switch (command.type) {
      case 'RegisterUser': {
        if (state.exists) throw ValidationError.of('id', `User ${command.userId} already exists`);
        const check = new InputCheck();
        const email = check.email('email', command.email);
        const name = check.required('name', command.name, { max: USER_NAME_MAX });
        if (!email) check.fail('email', 'is required');
        const roles = checkRoles(check, command.roles);
        check.done();
        if (command.emailClaim.claimedBy !== null) {
          throw ValidationError.of('email', `A user with the e-mail address ${email} already exists`);
        }
        return [
          { type: 'UserRegistered', schemaVersion: 1, data: { userId: command.userId, email: email!, name, roles } },
          { type: 'UserEmailClaimed', schemaVersion: 1, data: { email: email!.toLowerCase(), userId: command.userId } },
        ];
      }
      case 'ChangeUserRoles': {
        if (!state.exists) throw new NotFoundError('user', command.userId, 'userId');
        if (!state.active) throw new RecordInactiveError('user', command.userId, `The user ${command.userId} is deactivated`, 'userId');
        const check = new InputCheck();
        const roles = checkRoles(check, command.roles);
        check.done();
        if (sameRoles(roles, state.roles)) return [];
        return [{ type: 'UserRolesChanged', schemaVersion: 1, data: { userId: command.userId, roles, previousRoles: state.roles } }];
      }
      case 'DeactivateUser': {
        if (!state.exists) throw new NotFoundError('user', command.userId, 'userId');
        // An administrator locking themselves out would leave no one to undo it.
        if (command.userId === command.actorId) throw ValidationError.of('userId', 'you cannot deactivate yourself');
        if (!state.active) return [];
        return [{ type: 'UserDeactivated', schemaVersion: 1, data: { userId: command.userId } }];
      }
      case 'ActivateUser': {
        if (!state.exists) throw new NotFoundError('user', command.userId, 'userId');
        if (state.active) return [];
        return [{ type: 'UserActivated', schemaVersion: 1, data: { userId: command.userId } }];
      }
      case 'SetIntroductionsPreference': {
        if (!state.exists) throw new NotFoundError('user', command.userId, 'userId');
        return [{ type: 'UserIntroductionsPreferenceSet', schemaVersion: 1, data: { userId: command.userId, optedOut: command.optedOut } }];
      }
      default:
        return assertNever(command);
    }
  },
};

/** The e-mail claim event is decided with the user but lives on the address's own stream. */
export function splitRegistration(events: readonly UserEvent[]): { user: UserEvent[]; claim: UserEvent[] } {
  return {
    user: events.filter((event) => event.type !== 'UserEmailClaimed'),
    claim: events.filter((event) => event.type === 'UserEmailClaimed'),
  };
}

function checkRoles(check: InputCheck, roles: readonly string[]): Role[] {
  const unique = [...new Set(roles.map((role) => role.toUpperCase()))];
  const unknown = unique.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) check.fail('roles', `unknown role ${unknown.join(', ')}; known roles: ${ROLES.join(', ')}`);
  if (unique.length === 0) check.fail('roles', 'a user needs at least one role');
  return ROLES.filter((role) => unique.includes(role));
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

export const USER_NAME_MAX = LIMITS.personName * 2;
