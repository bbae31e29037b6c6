import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { SubjectAccessPart } from '@waymark/subgraph-kit';

export enum PersonSubjectAccessKind {
  PARENT_OR_CARER = 'PARENT_OR_CARER',
  VOLUNTEER = 'VOLUNTEER',
}
registerEnumType(PersonSubjectAccessKind, {
  name: 'PersonSubjectAccessKind',
  description: 'Whose data a staff-started export gathers: a parent or carer linked to pupils, or an employer or alumni volunteer.',
});

/**
 * A subject-access export a school's careers leader or data protection lead starts for a parent or
 * carer, or a volunteer, connected to their school (`personSubjectAccess`). The other subgraphs add
 * their parts (`pupilsSubjectAccess`, `employersSubjectAccess`, `encountersSubjectAccess`).
 */
@ObjectType('PersonSubjectAccess')
@Directive('@key(fields: "id")')
export class PersonSubjectAccess {
  @Field(() => ID, { description: "The person's account id." })
  id: string;

  @Field()
  displayName: string;

  @Field()
  email: string;

  @Field(() => PersonSubjectAccessKind)
  kind: PersonSubjectAccessKind;

  @Field(() => ID, { nullable: true, description: "A volunteer's id in the employers subgraph (null for a parent or carer)." })
  volunteerId: string | null;

  @Field(() => Date, { description: 'When the export was made (and recorded in the data access log).' })
  exportedAt: Date;

  @Field(() => GraphQLJSONObject, {
    description: 'Everything the identity subgraph holds about the person, as { source, sections: [{ title, rows }] } (secrets are named, never given).',
  })
  identitySubjectAccess: SubjectAccessPart;
}
