import type { AccountState } from '../account/account.state';
import type { UserState } from '../user/user.state';
import type { AddressInput, Patch } from '../validation';

/** The contact fields a client sends; on update, a field left out stays and a null clears it. */
export interface ContactFieldsInput {
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly jobTitle?: Patch<string>;
  readonly email?: Patch<string>;
  readonly phone?: Patch<string>;
  readonly mobilePhone?: Patch<string>;
  readonly description?: Patch<string>;
  readonly address?: AddressInput | null;
}

/** An account a command links a contact to, with the state the rules need. */
export interface AccountRef {
  readonly id: string;
  readonly state: AccountState;
}

export type ContactCommand =
  | {
      readonly type: 'CreateContact';
      readonly contactId: string;
      readonly input: ContactFieldsInput & { readonly firstName: string; readonly lastName: string };
      readonly ownerId: string;
      readonly owner: UserState;
      /** The account the new contact starts in, if any. */
      readonly account: AccountRef | null;
    }
  | { readonly type: 'UpdateContact'; readonly contactId: string; readonly input: ContactFieldsInput }
  | { readonly type: 'DeactivateContact'; readonly contactId: string }
  | { readonly type: 'ActivateContact'; readonly contactId: string }
  | { readonly type: 'AssignContactOwner'; readonly contactId: string; readonly ownerId: string; readonly owner: UserState }
  | {
      readonly type: 'AssociateContactWithAccount';
      readonly contactId: string;
      readonly account: AccountRef;
      /** The account the contact is linked to now, when it is another one (to name it in the refusal). */
      readonly currentAccount: AccountState | null;
    }
  | { readonly type: 'DisassociateContactFromAccount'; readonly contactId: string }
  | {
      readonly type: 'EraseContactPersonalData';
      readonly contactId: string;
      readonly reason: string;
    };
