import { DEFAULT_ORGANIZATION_SETTINGS, type OrganizationEvent, type OrganizationSettingsData } from '../../../events';
import { assertNever } from '../../shared/assert-never';

/** The organisation's settings as their events define them (the defaults before the first change). */
export interface OrganizationSettingsState {
  readonly settings: OrganizationSettingsData;
}

export const initialOrganizationSettingsState: OrganizationSettingsState = { settings: DEFAULT_ORGANIZATION_SETTINGS };

export function evolveOrganizationSettings(state: OrganizationSettingsState, event: OrganizationEvent): OrganizationSettingsState {
  switch (event.type) {
    case 'OrganizationSettingsChanged':
      return { settings: event.data.settings };
    default:
      return assertNever(event.type);
  }
}
