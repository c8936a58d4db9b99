import type { OrganizationEvent, OrganizationSettingsData } from '../../../events';
import { assertNever } from '../../shared/assert-never';
import type { Decider } from '../decider';
import { InputCheck } from '../validation';
import type { OrganizationSettingsChanges, OrganizationSettingsCommand } from './organization-settings.commands';
import {
  evolveOrganizationSettings,
  initialOrganizationSettingsState,
  type OrganizationSettingsState,
} from './organization-settings.state';

export const organizationSettingsDecider: Decider<OrganizationSettingsCommand, OrganizationSettingsState, OrganizationEvent> = {
  initialState: initialOrganizationSettingsState,
  evolve: evolveOrganizationSettings,
  decide(command, state) {
    switch (command.type) {
      case 'ChangeOrganizationSettings': {
        const settings = applyChanges(state.settings, command.changes);
        if (settings.addressSuggestionsEnabled === state.settings.addressSuggestionsEnabled) return [];
        return [
          {
            type: 'OrganizationSettingsChanged',
            schemaVersion: 1,
            data: { settings, previous: state.settings, changedBy: command.actorId },
          },
        ];
      }
      default:
        return assertNever(command.type);
    }
  },
};

/** The settings with the changes applied: a setting left out or null keeps its value. */
function applyChanges(current: OrganizationSettingsData, changes: OrganizationSettingsChanges): OrganizationSettingsData {
  const check = new InputCheck();
  const enabled: unknown = changes.addressSuggestionsEnabled;
  if (enabled !== undefined && enabled !== null && typeof enabled !== 'boolean')
    check.fail('addressSuggestionsEnabled', 'must be true or false');
  check.done();
  return { addressSuggestionsEnabled: typeof enabled === 'boolean' ? enabled : current.addressSuggestionsEnabled };
}
