import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { Section, SummaryList } from '@waymark/ui';
import type { ParentCarer, PostalAddress } from '../graphql/pupilRecord';
import { SectionProblem } from './SectionProblem';

export interface AddressSectionProps {
  homeAddress: PostalAddress | null;
  parentCarer: ParentCarer | null;
  errors: readonly GraphQLErrorItem[];
}

/** An address as the lines of a letter; null when no part of it is recorded. */
function addressLines(address: PostalAddress | null): string[] | null {
  const lines = [address?.line1, address?.line2, address?.town, address?.postcode].filter((line): line is string => Boolean(line?.trim()));
  return lines.length > 0 ? lines : null;
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {line}
          {i < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </>
  );
}

/**
 * Where the pupil lives and a parent or carer, as the school's information system sends them in the
 * roster import: what the local authority return asks for (docs/domain-rules.md, "The local authority
 * return"). Staff of the pupil's current school only; each look is in the data access log.
 */
export function AddressSection({ homeAddress, parentCarer, errors }: AddressSectionProps) {
  const home = addressLines(homeAddress);
  const theirs = parentCarer?.sameAddressAsPupil ? null : addressLines(parentCarer?.address ?? null);
  return (
    <Section
      title="Address and parent or carer"
      description="From your school's information system, through the roster import. The local authority return includes them."
    >
      <SectionProblem items={errors} what="address" forbiddenText="Only staff of the pupil's current school can see where they live." />
      {errors.length === 0 ? (
        <SummaryList
          items={[
            { term: 'Address', value: home ? <Lines lines={home} /> : 'Not recorded' },
            { term: 'Parent or carer', value: parentCarer?.name?.trim() ? parentCarer.name : 'Not recorded' },
            {
              term: 'Their address',
              value: parentCarer?.sameAddressAsPupil ? 'Same as the pupil' : theirs ? <Lines lines={theirs} /> : 'Not recorded',
            },
          ]}
        />
      ) : null}
    </Section>
  );
}
