import type { OrganizationEvent } from '../../../events';
import { ValidationError } from '../../../src/domain/errors';
import type { OrganizationSettingsChanges } from '../../../src/domain/organization/organization-settings.commands';
import { organizationSettingsDecider } from '../../../src/domain/organization/organization-settings.decider';
import { deciderSpec } from '../../support/decider-spec';
import { OWNER } from '../../support/event-builders';

const spec = deciderSpec(organizationSettingsDecider);
const change = (changes: OrganizationSettingsChanges) => ({ type: 'ChangeOrganizationSettings', actorId: OWNER, changes }) as const;
const turnedOn: OrganizationEvent = {
  type: 'OrganizationSettingsChanged',
  schemaVersion: 1,
  data: { settings: { addressSuggestionsEnabled: true }, previous: { addressSuggestionsEnabled: false }, changedBy: OWNER },
};

describe('organization settings decider', () => {
  it('turns address suggestions on, recording the settings before and after and who changed them', () => {
    spec
      .given([])
      .when(change({ addressSuggestionsEnabled: true }))
      .then([turnedOn]);
  });

  it('turns them off again', () => {
    spec
      .given([turnedOn])
      .when(change({ addressSuggestionsEnabled: false }))
      .then([
        {
          type: 'OrganizationSettingsChanged',
          schemaVersion: 1,
          data: { settings: { addressSuggestionsEnabled: false }, previous: { addressSuggestionsEnabled: true }, changedBy: OWNER },
        },
      ]);
  });

  it('records nothing when the settings already are as asked', () => {
    spec
      .given([turnedOn])
      .when(change({ addressSuggestionsEnabled: true }))
      .then([]);
  });

  it.each([{}, { addressSuggestionsEnabled: null }])('keeps a setting left out or null (%j)', (changes) => {
    spec.given([turnedOn]).when(change(changes)).then([]);
  });

  it('refuses a value that is not true or false', () => {
    spec
      .given([])
      .when(change({ addressSuggestionsEnabled: 'yes' as unknown as boolean }))
      .thenThrows(ValidationError, { field: 'addressSuggestionsEnabled' });
  });
});
