import { SYSTEM_ACTOR_ID } from '../../events';
import { organizationSettings } from '../../projections/organization/organization-settings.queries';
import { OrganizationCommands } from '../../src/commands/organization-commands';
import { openTestCrm, type TestCrm } from '../support/test-crm';
import { TEST_DATABASES } from '../support/test-databases';

describe.each(TEST_DATABASES)('the organization settings read model on $name', (database) => {
  let t: TestCrm;
  let administratorId: string;
  let settings: OrganizationCommands;
  beforeEach(async () => {
    t = await openTestCrm(database);
    const administrator = await t
      .commands({ actorId: SYSTEM_ACTOR_ID, source: 'system' })
      .registerUser({ email: 'admin@example.com', name: 'Ada Admin', roles: ['ADMINISTRATOR'] });
    administratorId = administrator.result.id;
    settings = new OrganizationCommands(t.crm.handler, { actorId: administratorId, source: 'api' });
  });
  afterEach(async () => {
    await t.dispose();
  });

  const change = async (addressSuggestionsEnabled: boolean) => {
    const outcome = await settings.changeSettings({ addressSuggestionsEnabled });
    await t.crm.readYourWrites(outcome.checkpoint);
  };

  it('holds the defaults before any change: address suggestions off', async () => {
    expect(await organizationSettings(t.crm.db)).toEqual({ addressSuggestionsEnabled: false });
  });

  it('shows each change', async () => {
    await change(true);
    expect(await organizationSettings(t.crm.db)).toEqual({ addressSuggestionsEnabled: true });
    await change(false);
    expect(await organizationSettings(t.crm.db)).toEqual({ addressSuggestionsEnabled: false });
  });

  it('keeps one row in organization_settings with who changed it last, and the stream version', async () => {
    await change(true);
    await change(false);
    const rows = await t.crm.db.selectFrom('organization_settings').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ id: 'organization', modified_by: administratorId, version: 2 })]);
  });

  it('is rebuilt from the events to the same row', async () => {
    await change(true);
    const before = await t.crm.db.selectFrom('organization_settings').selectAll().execute();
    await t.crm.rebuild(['organization_settings']);
    expect(await t.crm.db.selectFrom('organization_settings').selectAll().execute()).toEqual(before);
  });
});
