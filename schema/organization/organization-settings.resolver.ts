import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { organizationSettings } from '../../projections/organization/organization-settings.queries';
import { afterCommand } from '../common/after-command';
import type { GraphQLContext } from '../context';
import { OrganizationSettingsInput } from './organization-settings.input';
import { OrganizationSettings } from './organization-settings.type';

@Resolver(() => OrganizationSettings)
export class OrganizationSettingsResolver {
  @Query(() => OrganizationSettings, { description: 'The organisation-wide settings (readable by every user).' })
  async organizationSettings(@Ctx() ctx: GraphQLContext): Promise<OrganizationSettings> {
    return OrganizationSettings.from(await organizationSettings(ctx.db));
  }

  @Mutation(() => OrganizationSettings, {
    description:
      'Changes the settings given. Administrators only: anyone else gets FORBIDDEN (naming the missing privilege) and nothing changes.',
  })
  async updateOrganizationSettings(
    @Arg('input', () => OrganizationSettingsInput) input: OrganizationSettingsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OrganizationSettings> {
    const outcome = await ctx.organization.changeSettings({ addressSuggestionsEnabled: input.addressSuggestionsEnabled });
    await afterCommand(ctx, outcome);
    return OrganizationSettings.from(await organizationSettings(ctx.db));
  }
}
