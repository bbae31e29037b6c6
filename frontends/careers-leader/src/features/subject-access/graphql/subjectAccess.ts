import { SubjectAccessDocument } from '../../../gql/graphql';

// The document is in subjectAccess.graphql; this is its typed text (frontends/README.md).
export const SUBJECT_ACCESS_QUERY = SubjectAccessDocument.toString();

/**
 * One part of the export, as each subgraph gives it: sections of rows as it stores them. The schema
 * types a part only as a JSON object; its field descriptions give it this shape.
 */
export interface SubjectAccessPart {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}

/** A part as the schema gives it (any JSON object, or null when that subgraph had nothing to say), read as that shape. */
export function subjectAccessPart(part: { [key: string]: unknown } | null): SubjectAccessPart | null {
  return part && typeof part.source === 'string' && Array.isArray(part.sections) ? (part as unknown as SubjectAccessPart) : null;
}
