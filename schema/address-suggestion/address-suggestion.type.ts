import { Field, ObjectType } from 'type-graphql';
import type { AddressSuggestionData } from '../../src/addresses/address-provider';
import { Address } from '../common/address.type';

@ObjectType({ simpleResolvers: true, description: 'A suggested address: a line to show, and the address it fills in.' })
export class AddressSuggestion {
  @Field(() => String, { description: 'What to show in the list, e.g. "Gdańsk, Pomorskie, Poland".' })
  label!: string;

  @Field(() => Address, {
    description:
      'The address to fill in. Its parts (every field but `composite`) can be sent as an `AddressInput` as they are, e.g. to `createAccount`.',
  })
  address!: Address;

  static from(this: void, data: AddressSuggestionData): AddressSuggestion {
    return Object.assign(new AddressSuggestion(), { label: data.label, address: Address.from(data.address)! });
  }
}
