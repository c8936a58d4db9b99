import fc from 'fast-check';
import { SYSTEM_ACTOR_ID, streamIds, type AccountEvent, type ContactEvent } from '../../events';
import type { CrmCommands } from '../../src/commands/crm-commands';
import { DomainError } from '../../src/domain/errors';
import { uuidV7Ids } from '../../src/shared/ids';
import { TEST_DATABASES } from '../support/test-databases';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import {
  ACCOUNTS,
  CONTACTS,
  CrmModel,
  accountView,
  contactView,
  historyViolations,
  modelCommand,
  type Ids,
  type ModelCommand,
} from './support/crm-model';
import { recordFigures } from './support/figures';
import { RELIABILITY_SEED, sized } from './support/soak';

/** One run's records: index → id (a fresh, unknown id until the record is created). */
class RunIds implements Ids {
  readonly accounts = Array.from({ length: ACCOUNTS }, () => uuidV7Ids.next());
  readonly contacts = Array.from({ length: CONTACTS }, () => uuidV7Ids.next());
  constructor(readonly owners: readonly string[]) {}
  accountIndex = (id: string) => this.accounts.indexOf(id);
}

/** Issues a model command through the CRM's commands; 'OK' or the refusal's code, null when the API cannot express it. */
async function issue(commands: CrmCommands, ids: RunIds, model: CrmModel, command: ModelCommand): Promise<string | null> {
  try {
    switch (command.kind) {
      case 'createAccount':
        // Clients cannot choose ids: creating "the same" account again is not a request the API can make.
        if (model.accounts.has(command.account)) return null;
        ids.accounts[command.account] = (await commands.createAccount({ name: command.name })).result.id;
        break;
      case 'updateAccount':
        await commands.updateAccount({ id: ids.accounts[command.account]!, name: command.name });
        break;
      case 'deactivateAccount':
        await commands.deactivateAccount({ id: ids.accounts[command.account]! });
        break;
      case 'activateAccount':
        await commands.activateAccount({ id: ids.accounts[command.account]! });
        break;
      case 'assignAccountOwner':
        await commands.assignOwner({ recordType: 'ACCOUNT', id: ids.accounts[command.account]!, ownerId: ids.owners[command.owner]! });
        break;
      case 'createContact': {
        if (model.contacts.has(command.contact)) return null;
        const accountId = command.account === null ? null : ids.accounts[command.account]!;
        ids.contacts[command.contact] = (
          await commands.createContact({ firstName: 'Property', lastName: command.name, accountId })
        ).result.id;
        break;
      }
      case 'updateContact':
        await commands.updateContact({ id: ids.contacts[command.contact]!, lastName: command.name });
        break;
      case 'deactivateContact':
        await commands.deactivateContact({ id: ids.contacts[command.contact]! });
        break;
      case 'activateContact':
        await commands.activateContact({ id: ids.contacts[command.contact]! });
        break;
      case 'assignContactOwner':
        await commands.assignOwner({ recordType: 'CONTACT', id: ids.contacts[command.contact]!, ownerId: ids.owners[command.owner]! });
        break;
      case 'associate':
        await commands.associateContacts({
          accountId: ids.accounts[command.account]!,
          contactIds: command.contacts.map((index) => ids.contacts[index]!),
        });
        break;
      case 'disassociate':
        await commands.disassociateContact({ contactId: ids.contacts[command.contact]! });
        break;
    }
    return 'OK';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const RUNS = sized(12, 150);

describe.each(TEST_DATABASES)('random command sequences through the CRM on $name', (database) => {
  let t: TestCrm;
  let owners: string[];
  let commandsRun = 0;
  beforeAll(async () => {
    t = await openTestCrm(database);
    const other = await t.addUser('other@example.com');
    const gone = await t.addUser('gone@example.com');
    await t.commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' }).deactivateUser({ userId: gone });
    owners = [t.userId, other, gone];
  });
  afterAll(async () => {
    await t.dispose();
    recordFigures('property: commands through the CRM', database.name, { runs: RUNS, commands: commandsRun, seed: RELIABILITY_SEED });
  });

  it('answers as the rules say; every history stays valid; folded events equal the model and the read models', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(modelCommand, { minLength: 5, maxLength: 30 }), async (sequence) => {
        const ids = new RunIds(owners);
        const model = new CrmModel();
        const commands = t.commands();
        for (const command of sequence) {
          const outcome = await issue(commands, ids, model, command);
          if (outcome === null) continue;
          commandsRun += 1;
          expect({ command, outcome }).toEqual({ command, outcome: model.apply(command) });
        }
        for (const [index, id] of ids.accounts.entries()) {
          const events = (await t.crm.store.readStream(streamIds.account(id))) as unknown as (AccountEvent & { streamVersion: number })[];
          expect(historyViolations(`account ${index}`, events)).toEqual([]);
          const folded = accountView(events, ids);
          expect(folded).toEqual(model.accounts.get(index));
          const row = await t.crm.db
            .selectFrom('accounts')
            .select(['name', 'state', 'owner_id', 'version'])
            .where('id', '=', id)
            .executeTakeFirst();
          expect(row && { ...row, version: Number(row.version) }).toEqual(
            folded && { name: folded.name, state: folded.status.toUpperCase(), owner_id: owners[folded.owner], version: events.length },
          );
        }
        for (const [index, id] of ids.contacts.entries()) {
          const events = (await t.crm.store.readStream(streamIds.contact(id))) as unknown as (ContactEvent & { streamVersion: number })[];
          expect(historyViolations(`contact ${index}`, events)).toEqual([]);
          const folded = contactView(events, ids);
          expect(folded).toEqual(model.contacts.get(index));
          const row = await t.crm.db
            .selectFrom('contacts')
            .select(['last_name', 'state', 'owner_id', 'account_id', 'version'])
            .where('id', '=', id)
            .executeTakeFirst();
          expect(row && { ...row, version: Number(row.version) }).toEqual(
            folded && {
              last_name: folded.name,
              state: folded.status.toUpperCase(),
              owner_id: owners[folded.owner],
              account_id: folded.account === null || folded.account === undefined ? null : ids.accounts[folded.account],
              version: events.length,
            },
          );
          const openLinks = await t.crm.db
            .selectFrom('contact_links')
            .select('account_id')
            .where('contact_id', '=', id)
            .where('unlinked_at', 'is', null)
            .execute();
          expect(openLinks.map((link) => link.account_id)).toEqual(row?.account_id ? [row.account_id] : []);
        }
      }),
      { numRuns: RUNS, seed: RELIABILITY_SEED },
    );
  });
});
