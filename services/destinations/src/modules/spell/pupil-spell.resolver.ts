import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { activityLabel, todayInEngland } from '@waymark/domain';
import { loaderFor } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { PupilStub } from '../external/pupil.stub.js';
import { ActivitySpellRow } from './spell.entity.js';
import { computeYears, SpellService } from './spell.service.js';
import { DestinationYears } from './spell.types.js';

async function spellsOf(ctx: DestinationsContext, pupilId: string): Promise<ActivitySpellRow[]> {
  const rows = await loaderFor<ActivitySpellRow[]>(ctx, 'spellsByPupil', async (ids) => {
    const byPupil = await new SpellService(ctx.em).spellsFor(await ctx.deps.pupils.recordAccess(ctx, ids));
    return ids.map((id) => byPupil.get(id) ?? []);
  }).load(pupilId);
  return rows ?? [];
}

/**
 * A leaver's activity spells and the destinations computed from them, on the pupils subgraph's
 * Pupil. Readable as the pupil's history is (`Pupil.recordAccess`): the young person, a linked
 * parent where the school allows it, staff of their school; never volunteers or alumni.
 */
@Resolver(() => PupilStub)
export class PupilSpellResolver {
  @FieldResolver(() => [ActivitySpellRow], { nullable: true, description: 'Activity spells after Year 11, earliest start first.' })
  async activitySpells(@Root() pupil: PupilStub, @Ctx() ctx: DestinationsContext): Promise<ActivitySpellRow[]> {
    return [...(await spellsOf(ctx, pupil.id))].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id));
  }

  @FieldResolver(() => DestinationYears, {
    nullable: true,
    description: 'The September destination and destination years 1 to 3 with whether each was sustained and why, as of today; null with no spells recorded.',
  })
  async destinationYears(@Root() pupil: PupilStub, @Ctx() ctx: DestinationsContext): Promise<DestinationYears | null> {
    return computeYears(await spellsOf(ctx, pupil.id), todayInEngland());
  }
}

/** ActivitySpell's own computed field. */
@Resolver(() => ActivitySpellRow)
export class ActivitySpellFieldsResolver {
  @FieldResolver(() => String, { description: 'For people, e.g. "Apprenticeship (level 3)".' })
  activityLabel(@Root() spell: ActivitySpellRow): string {
    return activityLabel(spell);
  }
}
