import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';

/**
 * A subject-access export that a school's careers leader or data protection lead starts for a parent or
 * carer, or for a volunteer, connected to their school. The identity subgraph owns it (and starts it,
 * `personSubjectAccess`); this subgraph adds what it holds about that person at the caller's school.
 */
@ObjectType('PersonSubjectAccess')
@Directive('@key(fields: "id")')
export class PersonSubjectAccessStub {
  @Field(() => ID, { description: "The person's account id." })
  id: string;
}

export enum PersonSubjectAccessKind {
  PARENT_OR_CARER = 'PARENT_OR_CARER',
  VOLUNTEER = 'VOLUNTEER',
}
registerEnumType(PersonSubjectAccessKind, {
  name: 'PersonSubjectAccessKind',
  description: 'Whose data a staff-started export gathers: a parent or carer linked to pupils, or an employer or alumni volunteer.',
});

@InputType({ description: 'Subgraph-to-subgraph only: the export identity is about to hand over, to check and record.' })
export class RecordPersonSubjectAccessInput {
  @Field(() => ID)
  accountId: string;

  @Field()
  displayName: string;

  @Field(() => PersonSubjectAccessKind)
  kind: PersonSubjectAccessKind;

  @Field(() => [ID], { description: "A parent's linked children (at any school); the caller's school must have at least one of them now." })
  childPupilIds: string[];
}

@ObjectType({ description: "Subgraph-to-subgraph only: whether the export was recorded, and which of the children are pupils of the caller's school." })
export class RecordPersonSubjectAccessResult {
  @Field(() => Int)
  recorded: number;

  @Field(() => [ID], { description: "The parent's children whose records the caller's school holds: the only ones their export may name." })
  childPupilIdsAtSchool: string[];

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
