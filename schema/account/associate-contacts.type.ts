import { Field, ObjectType } from 'type-graphql';
import { Contact } from '../contact/contact.type';
import { Account } from './account.type';

@ObjectType({ simpleResolvers: true, description: 'The account and the contacts now linked to it.' })
export class AssociateContactsPayload {
  @Field(() => Account) account!: Account;
  @Field(() => [Contact]) contacts!: Contact[];
  @Field(() => String) position!: string;
}
