import { SYSTEM_ACTOR_ID } from '../../events';
import { ORGANIZATION_SETTINGS_STREAM } from '../../events';
import { OrganizationCommands } from '../../src/commands/organization-commands';
import { ForbiddenError } from '../../src/domain/errors';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import { TEST_DATABASES } from '../support/test-databases';

describe.each(TEST_DATABASES)('organization commands on $name', (database) => {
  let t: TestCrm;
  let administratorId: string;
  beforeEach(async () => {
    t = await openTestCrm(database);
    const outcome = await t
      .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' })
      .registerUser({ email: 'admin@example.com', name: 'Ada Admin', roles: ['ADMINISTRATOR'] });
    administratorId = outcome.result.id;
  });
  afterEach(async () => {
    await t.dispose();
  });

  const as = (actorId: string) => new OrganizationCommands(t.crm.handler, { actorId, source: 'api' });

  it('records an administrator’s change as OrganizationSettingsChanged on the settings stream, with who made it', async () => {
    await as(administratorId).changeSettings({ addressSuggestionsEnabled: true });
    const events = await t.crm.store.readStream(ORGANIZATION_SETTINGS_STREAM);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'OrganizationSettingsChanged',
        schemaVersion: 1,
        streamVersion: 1,
        data: { settings: { addressSuggestionsEnabled: true }, previous: { addressSuggestionsEnabled: false }, changedBy: administratorId },
        metadata: expect.objectContaining({ actorId: administratorId }) as unknown,
      }),
    ]);
  });

  it('answers the settings after the change', async () => {
    const outcome = await as(administratorId).changeSettings({ addressSuggestionsEnabled: true });
    expect(outcome.result).toEqual({ addressSuggestionsEnabled: true });
  });

  it('refuses a sales manager with FORBIDDEN and appends nothing', async () => {
    const head = await t.crm.store.headPosition();
    await expect(as(t.userId).changeSettings({ addressSuggestionsEnabled: true })).rejects.toThrow(ForbiddenError);
    expect(await t.crm.store.headPosition()).toBe(head);
  });

  it('refuses an administrator whose role was taken away', async () => {
    await t.commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' }).changeUserRoles({ userId: administratorId, roles: ['SALESPERSON'] });
    await expect(as(administratorId).changeSettings({ addressSuggestionsEnabled: true })).rejects.toThrow(ForbiddenError);
  });
});
