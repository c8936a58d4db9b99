/** The settings a client may change; a setting left out or null keeps its value. */
export interface OrganizationSettingsChanges {
  readonly addressSuggestionsEnabled?: boolean | null;
}

export type OrganizationSettingsCommand = {
  readonly type: 'ChangeOrganizationSettings';
  /** Who changes them (recorded in the event; the privilege is checked by the command layer). */
  readonly actorId: string;
  readonly changes: OrganizationSettingsChanges;
};
