import { Field, Int, ObjectType } from 'type-graphql';
import type { InvoiceRow } from '../../projections/invoice/invoice.queries';
import { connectionOf } from '../common/connection';
import { DecimalScalar } from '../common/scalars';
import { Node } from '../node/node.interface';
import { InvoiceStatus } from './invoice.enums';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A bill for an account and/or a contact.' })
export class Invoice extends Node {
  @Field(() => String, { description: '`INV-00001`, …: unique, given out without gaps.' })
  invoiceNumber!: string;

  @Field(() => String, { description: 'The invoice’s name.' })
  name!: string;

  @Field(() => DecimalScalar, { description: 'The invoice’s total, exact to the cent.' })
  totalAmount!: string;

  @Field(() => Date, { nullable: true, description: 'When payment is due.' })
  dueDate!: Date | null;

  @Field(() => InvoiceStatus, { description: 'Where the invoice stands; a new invoice is ACTIVE.' })
  status!: InvoiceStatus;

  @Field(() => Date, { description: 'When the invoice was created.' })
  createdAt!: Date;

  @Field(() => Int, { description: 'How many changes the invoice has had.' })
  version!: number;

  accountId!: string | null;
  contactId!: string | null;
  opportunityId!: string | null;
  quoteId!: string | null;

  static fromRow(this: void, row: InvoiceRow): Invoice {
    return Object.assign(new Invoice(), {
      id: row.id,
      invoiceNumber: row.invoice_number,
      name: row.name,
      totalAmount: row.total_amount,
      dueDate: row.due_date ? new Date(row.due_date) : null,
      status: row.status as InvoiceStatus,
      createdAt: new Date(row.created_at),
      version: Number(row.version),
      accountId: row.account_id,
      contactId: row.contact_id,
      opportunityId: row.opportunity_id,
      quoteId: row.quote_id,
    });
  }
}

export const {
  Connection: InvoiceConnection,
  Edge: InvoiceEdge,
  ConnectionResolver: InvoiceConnectionResolver,
} = connectionOf('Invoice', Invoice);

@ObjectType({ simpleResolvers: true, description: 'The invoice after a change, and the position of the change in the event log.' })
export class InvoicePayload {
  @Field(() => Invoice, { description: 'The invoice as the read models now show it.' })
  invoice!: Invoice;

  @Field(() => String, { description: 'The global position of the last event written (read models include it).' })
  position!: string;
}
