import { Field, ObjectType } from 'type-graphql';
import type { UserRow } from '../../projections/user/user.queries';
import { rolesOf } from '../../projections/user/user.queries';
import { connectionOf } from '../common/connection';
import { RecordState, Role } from '../common/enums';
import { Node } from '../node/node.interface';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A person who works in the CRM: owns records, performs changes.' })
export class User extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => [Role], { description: 'The security roles the user holds.' })
  roles!: Role[];

  @Field(() => RecordState, { description: 'INACTIVE users can no longer sign in; their records and history stay.' })
  state!: RecordState;

  static fromRow(this: void, row: UserRow): User {
    return Object.assign(new User(), {
      id: row.id,
      name: row.name,
      email: row.email,
      roles: rolesOf(row) as Role[],
      state: row.state as RecordState,
    });
  }
}

export const { Connection: UserConnection, Edge: UserEdge, ConnectionResolver: UserConnectionResolver } = connectionOf('User', User);

@ObjectType({ simpleResolvers: true, description: 'The user after a change, and the position of the change in the event log.' })
export class UserPayload {
  @Field(() => User) user!: User;
  @Field(() => String) position!: string;
}
