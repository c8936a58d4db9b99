import { registerEnumType } from 'type-graphql';

export enum QuoteStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  WON = 'WON',
  CLOSED = 'CLOSED',
}
registerEnumType(QuoteStatus, {
  name: 'QuoteStatus',
  description: 'Where a quote stands; a new quote is a DRAFT.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared (every new quote)' },
    ACTIVE: { description: 'Sent to the customer' },
    WON: { description: 'Accepted by the customer' },
    CLOSED: { description: 'Closed without being won' },
  },
});
