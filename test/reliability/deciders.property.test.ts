import fc from 'fast-check';
import type { AccountEvent, ContactEvent } from '../../events';
import { accountDecider } from '../../src/domain/account/account.decider';
import { decideAssociateContacts } from '../../src/domain/contact/associate-contacts';
import { contactDecider } from '../../src/domain/contact/contact.decider';
import { fold } from '../../src/domain/decider';
import { DomainError } from '../../src/domain/errors';
import type { UserState } from '../../src/domain/user/user.state';
import {
  ACCOUNTS,
  CONTACTS,
  CrmModel,
  INACTIVE_OWNER,
  OWNERS,
  accountView,
  contactView,
  historyViolations,
  modelCommand,
  type Ids,
  type ModelCommand,
} from './support/crm-model';
import { recordFigures } from './support/figures';
import { RELIABILITY_SEED, sized } from './support/soak';

const accountId = (index: number) => `01900000-0000-7000-8000-a000000000${index.toString().padStart(2, '0')}`;
const contactId = (index: number) => `01900000-0000-7000-8000-c000000000${index.toString().padStart(2, '0')}`;
const userId = (index: number) => `01900000-0000-7000-8000-u000000000${index.toString().padStart(2, '0')}`;
const IDS: Ids = {
  owners: Array.from({ length: OWNERS }, (_, index) => userId(index)),
  accountIndex: (id) => Number(id.slice(-2)),
};
const users: UserState[] = IDS.owners.map((id, index) => ({
  exists: true,
  id,
  email: `u${index}@example.com`,
  name: `User ${index}`,
  roles: ['SALES_MANAGER'],
  active: index !== INACTIVE_OWNER,
}));

/** Streams of events, as the command handler would append them (without the store). */
class DeciderWorld {
  readonly accounts = new Map<number, AccountEvent[]>();
  readonly contacts = new Map<number, ContactEvent[]>();

  /** Decides the command as CrmCommands does and appends its events; returns 'OK' or the refusal's code. */
  run(command: ModelCommand): string {
    try {
      this.decide(command);
      return 'OK';
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
  }

  private account = (index: number) => fold(accountDecider, this.accounts.get(index) ?? []);
  private contact = (index: number) => fold(contactDecider, this.contacts.get(index) ?? []);
  private appendAccount = (index: number, events: AccountEvent[]) =>
    this.accounts.set(index, [...(this.accounts.get(index) ?? []), ...events]);
  private appendContact = (index: number, events: ContactEvent[]) =>
    this.contacts.set(index, [...(this.contacts.get(index) ?? []), ...events]);

  private decide(command: ModelCommand): void {
    const id = 'account' in command && command.account !== null ? accountId(command.account) : '';
    switch (command.kind) {
      case 'createAccount':
        return void this.appendAccount(
          command.account,
          accountDecider.decide(
            { type: 'CreateAccount', accountId: id, input: { name: command.name }, ownerId: userId(0), owner: users[0]!, references: {} },
            this.account(command.account),
          ),
        );
      case 'updateAccount':
        return void this.appendAccount(
          command.account,
          accountDecider.decide(
            { type: 'UpdateAccount', accountId: id, input: { name: command.name }, references: {} },
            this.account(command.account),
          ),
        );
      case 'deactivateAccount':
        return void this.appendAccount(
          command.account,
          accountDecider.decide({ type: 'DeactivateAccount', accountId: id }, this.account(command.account)),
        );
      case 'activateAccount':
        return void this.appendAccount(
          command.account,
          accountDecider.decide({ type: 'ActivateAccount', accountId: id }, this.account(command.account)),
        );
      case 'assignAccountOwner':
        return void this.appendAccount(
          command.account,
          accountDecider.decide(
            { type: 'AssignAccountOwner', accountId: id, ownerId: userId(command.owner), owner: users[command.owner]! },
            this.account(command.account),
          ),
        );
      case 'createContact':
        return void this.appendContact(
          command.contact,
          contactDecider.decide(
            {
              type: 'CreateContact',
              contactId: contactId(command.contact),
              input: { firstName: 'Property', lastName: command.name },
              ownerId: userId(0),
              owner: users[0]!,
              account: command.account === null ? null : { id, state: this.account(command.account) },
            },
            this.contact(command.contact),
          ),
        );
      case 'updateContact':
        return void this.appendContact(
          command.contact,
          contactDecider.decide(
            { type: 'UpdateContact', contactId: contactId(command.contact), input: { lastName: command.name } },
            this.contact(command.contact),
          ),
        );
      case 'deactivateContact':
        return void this.appendContact(
          command.contact,
          contactDecider.decide({ type: 'DeactivateContact', contactId: contactId(command.contact) }, this.contact(command.contact)),
        );
      case 'activateContact':
        return void this.appendContact(
          command.contact,
          contactDecider.decide({ type: 'ActivateContact', contactId: contactId(command.contact) }, this.contact(command.contact)),
        );
      case 'assignContactOwner':
        return void this.appendContact(
          command.contact,
          contactDecider.decide(
            {
              type: 'AssignContactOwner',
              contactId: contactId(command.contact),
              ownerId: userId(command.owner),
              owner: users[command.owner]!,
            },
            this.contact(command.contact),
          ),
        );
      case 'associate': {
        const contacts = command.contacts.map((index) => {
          const state = this.contact(index);
          const current =
            state.exists && state.accountId !== null && state.accountId !== id ? this.account(IDS.accountIndex(state.accountId)) : null;
          return { contactId: contactId(index), state, currentAccount: current };
        });
        const decided = decideAssociateContacts(id, this.account(command.account), contacts);
        for (const [contact, events] of decided) this.appendContact(Number(contact.slice(-2)), events);
        return;
      }
      case 'disassociate':
        return void this.appendContact(
          command.contact,
          contactDecider.decide(
            { type: 'DisassociateContactFromAccount', contactId: contactId(command.contact) },
            this.contact(command.contact),
          ),
        );
    }
  }
}

const RUNS = sized(300, 5000);
let commandsRun = 0;
afterAll(() => recordFigures('property: deciders', 'none', { runs: RUNS, commands: commandsRun, seed: RELIABILITY_SEED }));

describe('the deciders under random command sequences', () => {
  it('refuse and accept exactly as the rules say, and folding their events gives the state the rules predict', () => {
    fc.assert(
      fc.property(fc.array(modelCommand, { maxLength: 60 }), (commands) => {
        const model = new CrmModel();
        const world = new DeciderWorld();
        for (const command of commands) {
          commandsRun += 1;
          expect({ command, outcome: world.run(command) }).toEqual({ command, outcome: model.apply(command) });
          for (let index = 0; index < ACCOUNTS; index += 1)
            expect(accountView(world.accounts.get(index) ?? [], IDS)).toEqual(model.accounts.get(index));
          for (let index = 0; index < CONTACTS; index += 1)
            expect(contactView(world.contacts.get(index) ?? [], IDS)).toEqual(model.contacts.get(index));
        }
      }),
      { numRuns: RUNS, seed: RELIABILITY_SEED },
    );
  });

  it('keep every history valid: one account at a time, nothing changes while inactive but activation, one creation', () => {
    fc.assert(
      fc.property(fc.array(modelCommand, { maxLength: 80 }), (commands) => {
        const world = new DeciderWorld();
        for (const command of commands) world.run(command);
        const violations = [
          ...[...world.accounts].flatMap(([index, events]) => historyViolations(`account ${index}`, events)),
          ...[...world.contacts].flatMap(([index, events]) => historyViolations(`contact ${index}`, events)),
        ];
        expect(violations).toEqual([]);
      }),
      { numRuns: RUNS, seed: RELIABILITY_SEED + 1 },
    );
  });
});
