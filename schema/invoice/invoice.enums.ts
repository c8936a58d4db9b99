import { registerEnumType } from 'type-graphql';

export enum InvoiceStatus {
  ACTIVE = 'ACTIVE',
  PAID = 'PAID',
  CANCELED = 'CANCELED',
}
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'Where an invoice stands; a new invoice is ACTIVE.',
  valuesConfig: {
    ACTIVE: { description: 'Issued and not yet paid' },
    PAID: { description: 'Paid in full' },
    CANCELED: { description: 'Canceled' },
  },
});
