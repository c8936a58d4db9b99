import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({ description: 'A record with a globally unique id, fetchable with `node(id)`.' })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
