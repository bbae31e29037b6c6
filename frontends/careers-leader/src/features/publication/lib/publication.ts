import { checkPublication, type FieldProblems, type PublicationField } from '@waymark/domain';
import type { CareersPage, CareersPageInput } from '../graphql/publication';

/** The form's values, every one a string while it is being typed. */
export type PublicationDraft = Record<PublicationField, string>;

export const PUBLICATION_FIELDS: readonly PublicationField[] = [
  'contactName',
  'contactEmail',
  'contactPhone',
  'evaluation',
  'reviewOn',
  'premises',
  'statement',
];

/** The form as the page was last saved; the statement starts from the generated draft until one is saved. */
export function draftOf(page: CareersPage): PublicationDraft {
  return {
    contactName: page.contactName ?? '',
    contactEmail: page.contactEmail ?? '',
    contactPhone: page.contactPhone ?? '',
    evaluation: page.evaluation ?? '',
    reviewOn: page.reviewOn ?? '',
    premises: page.premises ?? '',
    statement: page.statement ?? page.draftStatement,
  };
}

/** What is sent: trimmed, empty as null. */
export function inputOf(draft: PublicationDraft): CareersPageInput {
  const value = (text: string) => text.trim() || null;
  return {
    contactName: value(draft.contactName),
    contactEmail: value(draft.contactEmail),
    contactPhone: value(draft.contactPhone),
    evaluation: value(draft.evaluation),
    reviewOn: value(draft.reviewOn),
    premises: value(draft.premises),
    statement: value(draft.statement),
  };
}

/** The same rules the encounters subgraph runs (`checkPublication`), before anything is sent. */
export function problemsOf(draft: PublicationDraft, today: string, publishing: boolean): FieldProblems<PublicationField> {
  return checkPublication(draft, today, { publishing });
}

/** The page's full public address, for copying into the school's website. */
export function publicAddress(origin: string, path: string): string {
  return `${origin.replace(/\/$/, '')}${path}`;
}

/** Where the page stands, in words (never colour alone). */
export function statusText(page: Pick<CareersPage, 'published' | 'hasUnpublishedChanges'>): string {
  if (!page.published) return 'Not published: only you can see this page.';
  if (page.hasUnpublishedChanges) return 'Published, with changes you have not published yet: the public page still shows the version published before them.';
  return 'Published: anyone can read this page at its public address.';
}
