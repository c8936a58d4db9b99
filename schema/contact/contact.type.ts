import { Field, Int, ObjectType } from 'type-graphql';
import { addressFromColumns } from '../../projections/address-columns';
import type { ContactRow } from '../../projections/contact/contact.queries';
import { Address } from '../common/address.type';
import { connectionOf } from '../common/connection';
import { RecordState } from '../common/enums';
import { Node } from '../node/node.interface';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A person at a company; belongs to at most one account at a time.' })
export class Contact extends Node {
  @Field(() => String) firstName!: string;
  @Field(() => String) lastName!: string;
  @Field(() => String, { description: '"First Last".' }) fullName!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) mobilePhone!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Address, { nullable: true }) address!: Address | null;

  @Field(() => RecordState, { description: 'INACTIVE contacts are read-only and hidden from most views; their history is kept.' })
  state!: RecordState;

  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) modifiedAt!: Date;
  @Field(() => Int, { description: 'How many changes the contact has had; pass it as `expectedVersion` to update safely.' })
  version!: number;

  @Field(() => Date, { nullable: true, description: "Set when the contact's personal data was erased" })
  personalDataErasedAt!: Date | null;

  accountId!: string | null;
  ownerId!: string;
  /** Set when the contact was read as it was at this instant: its account is read as of then too. */
  asOf: Date | null = null;

  static fromRow(this: void, row: ContactRow): Contact {
    return Object.assign(new Contact(), {
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      fullName: row.full_name,
      jobTitle: row.job_title,
      email: row.email,
      phone: row.phone,
      mobilePhone: row.mobile_phone,
      description: row.description,
      address: Address.from(addressFromColumns(row)),
      state: row.state as RecordState,
      createdAt: new Date(row.created_at),
      modifiedAt: new Date(row.modified_at),
      version: Number(row.version),
      personalDataErasedAt: row.personal_data_erased_at ? new Date(row.personal_data_erased_at) : null,
      accountId: row.account_id,
      ownerId: row.owner_id,
    });
  }
}

export const {
  Connection: ContactConnection,
  Edge: ContactEdge,
  ConnectionResolver: ContactConnectionResolver,
} = connectionOf('Contact', Contact);

@ObjectType({ simpleResolvers: true, description: 'The contact after a change, and the position of the change in the event log.' })
export class ContactPayload {
  @Field(() => Contact) contact!: Contact;
  @Field(() => String) position!: string;
}
