import { Field, Int, ObjectType } from 'type-graphql';
import type { AccountRow } from '../../projections/account/account.queries';
import { addressFromColumns } from '../../projections/address-columns';
import { Address } from '../common/address.type';
import { connectionOf } from '../common/connection';
import { RecordState } from '../common/enums';
import { DecimalScalar } from '../common/scalars';
import { Node } from '../node/node.interface';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A company the sales team works with.' })
export class Account extends Node {
  @Field(() => String, { description: 'The only required field.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The company’s number in other systems (not required to be unique).' })
  accountNumber!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  industry!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  annualRevenue!: string | null;

  @Field(() => Int, { nullable: true })
  numberOfEmployees!: number | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Address, { nullable: true })
  address!: Address | null;

  @Field(() => RecordState, { description: 'INACTIVE accounts are read-only and hidden from most views; their history is kept.' })
  state!: RecordState;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { description: 'When the account last changed.' })
  modifiedAt!: Date;

  @Field(() => Int, { description: 'How many changes the account has had; pass it as `expectedVersion` to update safely.' })
  version!: number;

  ownerId!: string;
  parentAccountId!: string | null;
  primaryContactId!: string | null;
  /** Set when the account was read as it was at this instant: what hangs off it is read as of then too. */
  asOf: Date | null = null;

  static fromRow(this: void, row: AccountRow): Account {
    return Object.assign(new Account(), {
      id: row.id,
      name: row.name,
      accountNumber: row.account_number,
      phone: row.phone,
      email: row.email,
      website: row.website,
      industry: row.industry,
      annualRevenue: row.annual_revenue,
      numberOfEmployees: row.number_of_employees,
      description: row.description,
      address: Address.from(addressFromColumns(row)),
      state: row.state as RecordState,
      createdAt: new Date(row.created_at),
      modifiedAt: new Date(row.modified_at),
      version: Number(row.version),
      ownerId: row.owner_id,
      parentAccountId: row.parent_account_id,
      primaryContactId: row.primary_contact_id,
    });
  }
}

export const {
  Connection: AccountConnection,
  Edge: AccountEdge,
  ConnectionResolver: AccountConnectionResolver,
} = connectionOf('Account', Account);

@ObjectType({ simpleResolvers: true, description: 'The account after a change, and the position of the change in the event log.' })
export class AccountPayload {
  @Field(() => Account)
  account!: Account;

  @Field(() => String, { description: 'The global position of the last event written (read models include it).' })
  position!: string;
}
