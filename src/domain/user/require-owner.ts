import { NotFoundError, RecordInactiveError } from '../errors';
import type { UserState } from './user.state';

/** A record's owner must be a user who can still act. */
export function requireActiveOwner(owner: UserState, ownerId: string): void {
  if (!owner.exists) throw new NotFoundError('user', ownerId, 'ownerId');
  if (!owner.active) throw new RecordInactiveError('user', ownerId, `The user ${ownerId} is deactivated and cannot own records`, 'ownerId');
}
