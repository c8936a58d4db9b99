import { Field, ObjectType } from 'type-graphql';
import type { UserRow } from '../../projections/user/user.queries';
import { rolesOf } from '../../projections/user/user.queries';
import { Role } from '../common/enums';
import { Node } from '../node/node.interface';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A person who works in the CRM: owns records, performs changes.' })
export class User extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => [Role], { description: 'The security roles the user holds.' })
  roles!: Role[];

  static fromRow(this: void, row: UserRow): User {
    return Object.assign(new User(), { id: row.id, name: row.name, email: row.email, roles: rolesOf(row) as Role[] });
  }
}
