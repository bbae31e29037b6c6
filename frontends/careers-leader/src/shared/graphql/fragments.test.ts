import { describe, expect, it } from 'vitest';
import { MeaningfulChecklistFieldsFragmentDoc, PupilFlagsFieldsFragmentDoc } from '../../gql/graphql';
import { CHECKLIST_ITEMS } from '../checklist';
import { VULNERABLE_GROUPS } from '../vulnerableGroups';

/** The fields a fragment selects, in order (these fragments select only plain fields). */
function fieldsOf(fragment: { toString(): string }): string[] {
  const text = fragment.toString();
  return text
    .slice(text.indexOf('{') + 1, text.lastIndexOf('}'))
    .trim()
    .split(/\s+/);
}

// The fragments are written out in full (a document must be text the generator can read), so these
// keep them the same as the lists in @waymark/domain that the forms and filters are built from.
describe('the fragments that mirror @waymark/domain', () => {
  it('asks for every item of the meaningful checklist', () => {
    expect(fieldsOf(MeaningfulChecklistFieldsFragmentDoc)).toEqual(CHECKLIST_ITEMS.map((item) => item.key));
  });

  it('asks for every vulnerable-group flag and the NEET risk score', () => {
    expect(fieldsOf(PupilFlagsFieldsFragmentDoc)).toEqual([...VULNERABLE_GROUPS.map((group) => group.flag), 'neetRiskScore']);
  });
});
