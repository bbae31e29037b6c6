import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, MutationError, type AuditAction } from '@waymark/subgraph-kit';
import type { AuditCredentialKind } from './audit-event.entity.js';

export enum AuditActionEnum {
  READ = 'READ',
  EXPORT = 'EXPORT',
  CHANGE = 'CHANGE',
}
registerEnumType(AuditActionEnum, {
  name: 'AuditAction',
  description: 'READ: sensitive data was shown; EXPORT: data left Waymark as a file; CHANGE: the record was changed.',
});

export enum AuditCredentialKindEnum {
  SESSION = 'SESSION',
  API_KEY = 'API_KEY',
}
registerEnumType(AuditCredentialKindEnum, { name: 'AuditCredentialKind', description: "A person signed in (SESSION), or a trust's API key." });

@ObjectType('AuditEvent', { description: "One request's access to one pupil's record (or to the school's records as a whole, when no pupil is named)." })
export class AuditEventNode {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => AuditActionEnum)
  action: AuditAction;

  @Field(() => [String], { description: 'The fields read, exported or changed, e.g. flags, dateOfBirth, guidanceNotes.' })
  fields: string[];

  @Field(() => ID, { nullable: true })
  pupilId: string | null;

  @Field(() => String, { nullable: true, description: "The pupil's name as their record has it now." })
  pupilName: string | null;

  @Field(() => ID)
  schoolId: string;

  @Field(() => ID, { nullable: true })
  trustId: string | null;

  @Field({ description: "The person's account id, or the API key's id." })
  actorAccountId: string;

  @Field()
  actorName: string;

  @Field(() => [String])
  actorRoles: string[];

  @Field(() => AuditCredentialKindEnum)
  credentialKind: AuditCredentialKind;

  @Field(() => ID, { nullable: true, description: 'The API key used, when it was one.' })
  apiKeyId: string | null;

  @Field({ description: "The request, as the gateway numbered it: every subgraph's part of one request shares it." })
  requestId: string;

  @Field({ description: 'The part of Waymark that saw the access: pupils, encounters, …' })
  source: string;

  @Field(() => String, { nullable: true })
  detail: string | null;
}

export const AuditEventConnection = connectionTypes(AuditEventNode, 'AuditEvent');

@InputType({ description: 'Every condition given must hold. Days are YYYY-MM-DD in England, both included.' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true })
  pupilId?: string | null;

  @Field(() => String, { nullable: true })
  actorAccountId?: string | null;

  @Field(() => AuditActionEnum, { nullable: true })
  action?: AuditAction | null;

  @Field(() => String, { nullable: true })
  from?: string | null;

  @Field(() => String, { nullable: true })
  to?: string | null;
}

@ArgsType()
export class AuditEventsArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  filter?: AuditEventFilter | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@InputType()
export class AuditEntryInput {
  @Field(() => ID)
  pupilId: string;

  @Field(() => AuditActionEnum)
  action: AuditAction;

  @Field(() => [String])
  fields: string[];
}

@InputType()
export class RecordAuditEventsInput {
  @Field({ description: 'The subgraph writing: encounters, destinations, employers or identity.' })
  source: string;

  @Field(() => [AuditEntryInput])
  entries: AuditEntryInput[];
}

@ObjectType()
export class RecordAuditEventsResult {
  @Field(() => Int)
  recorded: number;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
