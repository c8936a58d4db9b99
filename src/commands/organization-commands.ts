import { ORGANIZATION_SETTINGS_STREAM, type OrganizationEvent, type OrganizationSettingsData } from '../../events';
import type { OrganizationSettingsChanges } from '../domain/organization/organization-settings.commands';
import { organizationSettingsDecider } from '../domain/organization/organization-settings.decider';
import type { OrganizationSettingsState } from '../domain/organization/organization-settings.state';
import type { CommandContext, CommandHandler, CommandOutcome, Fold } from './command-handler';

const organizationSettingsFold: Fold<OrganizationSettingsState, OrganizationEvent> = organizationSettingsDecider;

/** The organisation settings after a command, as a command's answer. */
export type OrganizationSettingsResult = { readonly [K in keyof OrganizationSettingsData]: OrganizationSettingsData[K] };

/** The commands on the organisation as a whole, issued by one actor (the `settings` privilege). */
export class OrganizationCommands {
  constructor(
    private readonly handler: CommandHandler,
    private readonly context: CommandContext,
  ) {}

  /** Changes the settings given (administrators only); a setting left out or null keeps its value. */
  changeSettings(changes: OrganizationSettingsChanges): Promise<CommandOutcome<OrganizationSettingsResult>> {
    const { actorId } = this.context;
    return this.handler.run(
      this.context,
      'changeOrganizationSettings',
      changes,
      async (scope) => {
        await scope.authorize('settings');
        const state = await scope.load(ORGANIZATION_SETTINGS_STREAM, organizationSettingsFold);
        const events = organizationSettingsDecider.decide({ type: 'ChangeOrganizationSettings', actorId, changes }, state);
        const { settings } = events.reduce((current, event) => organizationSettingsDecider.evolve(current, event), state);
        return {
          events: new Map([[ORGANIZATION_SETTINGS_STREAM, events]]),
          result: { addressSuggestionsEnabled: settings.addressSuggestionsEnabled },
        };
      },
      ORGANIZATION_SETTINGS_STREAM,
    );
  }
}
