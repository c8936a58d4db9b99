import type { ActivityEvent, ActivityType } from '../../../events';
import { assertNever } from '../../shared/assert-never';

/** An activity as its own events define it; `exists: false` before ActivityLogged. */
export type ActivityState =
  { readonly exists: false } | { readonly exists: true; readonly id: string; readonly type: ActivityType; readonly ownerId: string };

export const initialActivityState: ActivityState = { exists: false };

export function evolveActivity(state: ActivityState, event: ActivityEvent): ActivityState {
  switch (event.type) {
    case 'ActivityLogged':
      return { exists: true, id: event.data.activityId, type: event.data.type, ownerId: event.data.ownerId };
    case 'ActivityOwnerAssigned':
      return state.exists ? { ...state, ownerId: event.data.ownerId } : state;
    default:
      return assertNever(event);
  }
}
