import { registerEnumType } from 'type-graphql';

export enum OpportunityStatus {
  OPEN = 'OPEN',
  WON = 'WON',
  LOST = 'LOST',
}
registerEnumType(OpportunityStatus, {
  name: 'OpportunityStatus',
  description: 'Where an opportunity stands: OPEN until closed as WON or LOST (a closed opportunity is read-only).',
  valuesConfig: {
    OPEN: { description: 'Still being worked on' },
    WON: { description: 'Closed as won' },
    LOST: { description: 'Closed as lost' },
  },
});
