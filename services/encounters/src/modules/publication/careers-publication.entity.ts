import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { tenantPolicy } from '@waymark/subgraph-kit';

/** One planned activity as the public page shows it: what, when, for whom and why; nothing about any pupil. */
export interface PublishedProgrammeItem {
  halfTerm: string;
  yearGroups: number[];
  title: string;
  purpose: string | null;
  benchmarks: number[];
}

/** What was published, as it was when the careers leader pressed Publish: the public page reads only this. */
export interface PublishedContent {
  schoolName: string;
  urn: string;
  academicYear: number;
  programme: PublishedProgrammeItem[];
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  evaluation: string;
  reviewOn: string;
  statement: string;
  publishedOn: string;
}

/**
 * A school's public careers page (docs/domain-rules.md, "The public careers page"): the draft its careers
 * leader keeps editing, and the content last published (`published`, null when the page is not
 * published). The school's name and URN are copied from the pupils subgraph each time the leader saves,
 * so the gateway can find the page by URN without asking anyone else. Row-level security: a working row
 * of the school's staff (the resolvers narrow that to its careers leaders); the public read goes through
 * a named bypass for the gateway alone.
 */
@Entity({ tableName: 'careers_publication', ...tenantPolicy({ kind: 'staff', trust: true }) })
@Unique({ properties: ['schoolId'] })
export class CareersPublication {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Index()
  @Property({ type: 'text' })
  urn: string;

  @Property({ type: 'text' })
  schoolName: string;

  @Property({ type: 'text', nullable: true })
  contactName: string | null;

  @Property({ type: 'text', nullable: true })
  contactEmail: string | null;

  @Property({ type: 'text', nullable: true })
  contactPhone: string | null;

  @Property({ type: 'text', nullable: true })
  evaluation: string | null;

  @Property({ type: 'date', nullable: true })
  reviewOn: string | null;

  /** The rooms and facilities the school offers visiting providers, in the leader's words. */
  @Property({ type: 'text', nullable: true })
  premises: string | null;

  /** The provider access policy statement as the leader edited it; null until they save one (the draft is generated). */
  @Property({ type: 'text', nullable: true })
  statement: string | null;

  @Property({ type: 'json', nullable: true })
  published: PublishedContent | null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @Property({ type: 'text' })
  updatedByName: string;

  /** The account of whoever saved it last, so their own "Download my data" holds what they saved under their name. */
  @Property({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @Property({ type: 'datetime' })
  updatedAt: Date;
}
