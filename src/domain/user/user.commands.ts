import type { Role } from '../../../events';
import type { EmailClaimState } from './user.state';

export type UserCommand =
  | {
      readonly type: 'RegisterUser';
      readonly userId: string;
      readonly email: string;
      readonly name: string;
      readonly roles: readonly Role[];
      /** Who holds the e-mail address now. */
      readonly emailClaim: EmailClaimState;
    }
  | { readonly type: 'ChangeUserRoles'; readonly userId: string; readonly roles: readonly Role[] }
  | { readonly type: 'DeactivateUser'; readonly userId: string; readonly actorId: string }
  | { readonly type: 'ActivateUser'; readonly userId: string }
  | { readonly type: 'SetIntroductionsPreference'; readonly userId: string; readonly optedOut: boolean };
