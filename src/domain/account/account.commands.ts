import type { AddressInput, Patch } from '../validation';
import type { AccountState } from './account.state';
import type { ContactState } from '../contact/contact.state';
import type { UserState } from '../user/user.state';

/** The account fields a client sends; on update, a field left out stays and a null clears it. */
export interface AccountFieldsInput {
  readonly name?: string | null;
  readonly accountNumber?: Patch<string>;
  readonly phone?: Patch<string>;
  readonly email?: Patch<string>;
  readonly website?: Patch<string>;
  readonly industry?: Patch<string>;
  readonly annualRevenue?: Patch<string>;
  readonly numberOfEmployees?: Patch<number>;
  readonly description?: Patch<string>;
  readonly address?: AddressInput | null;
  readonly parentAccountId?: Patch<string>;
  readonly primaryContactId?: Patch<string>;
}

/**
 * The records an account's fields point to, loaded by the command handler so the rules can check them:
 * the parent with its own ancestors (to refuse cycles) and the primary contact.
 */
export interface AccountReferences {
  /** The proposed parent followed by its ancestors, nearest first. */
  readonly parentChain?: readonly AccountState[];
  readonly primaryContact?: ContactState;
}

export type AccountCommand =
  | {
      readonly type: 'CreateAccount';
      readonly accountId: string;
      readonly input: AccountFieldsInput & { readonly name: string };
      readonly ownerId: string;
      readonly owner: UserState;
      readonly references: AccountReferences;
    }
  | {
      readonly type: 'UpdateAccount';
      readonly accountId: string;
      readonly input: AccountFieldsInput;
      readonly references: AccountReferences;
    }
  | { readonly type: 'DeactivateAccount'; readonly accountId: string }
  | { readonly type: 'ActivateAccount'; readonly accountId: string }
  | { readonly type: 'AssignAccountOwner'; readonly accountId: string; readonly ownerId: string; readonly owner: UserState };
