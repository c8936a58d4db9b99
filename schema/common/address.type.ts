import { Field, Float, InputType, ObjectType } from 'type-graphql';
import type { AddressData } from '../../events';

@ObjectType({ simpleResolvers: true, description: 'A postal address.' })
export class Address {
  @Field(() => String, { nullable: true }) line1!: string | null;
  @Field(() => String, { nullable: true }) line2!: string | null;
  @Field(() => String, { nullable: true }) line3!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) stateOrProvince!: string | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => Float, { nullable: true, description: 'Decimal degrees, −90 to 90.' }) latitude!: number | null;
  @Field(() => Float, { nullable: true, description: 'Decimal degrees, −180 to 180.' }) longitude!: number | null;

  @Field(() => String, { nullable: true, description: 'The address as one text, the way it is printed on an envelope.' })
  composite!: string | null;

  static from(data: AddressData | null): Address | null {
    if (!data) return null;
    const cityLine = [data.city, [data.stateOrProvince, data.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    const composite = [data.line1, data.line2, data.line3, cityLine, data.country].filter(Boolean).join('\n');
    return Object.assign(new Address(), data, { composite: composite || null });
  }
}

@InputType({ description: 'An address. On update, a part left out keeps its value and a part set to null is cleared.' })
export class AddressInput {
  @Field(() => String, { nullable: true }) line1?: string | null;
  @Field(() => String, { nullable: true }) line2?: string | null;
  @Field(() => String, { nullable: true }) line3?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) stateOrProvince?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
}
