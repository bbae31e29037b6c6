import { useMutation } from '@waymark/graphql-client';
import { Button, ErrorPanel, Notice, Section } from '@waymark/ui';
import { useState } from 'react';
import { SET_PARENT_ACCESS_MUTATION } from '../graphql/settings';

export interface ParentAccessSectionProps {
  enabled: boolean | null;
  onChanged: () => void;
}

export function ParentAccessSection({ enabled, onChanged }: ParentAccessSectionProps) {
  const [setParentAccess, mutation] = useMutation(SET_PARENT_ACCESS_MUTATION);
  const [now, setNow] = useState<boolean | null>(enabled);
  const [changed, setChanged] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const toggle = async () => {
    if (now == null) return;
    setFailure(null);
    setChanged(false);
    const { data, error } = await setParentAccess({ enabled: !now });
    const result = data?.setParentAccess;
    if (error || result?.error || !result?.school) {
      setFailure(error?.message ?? result?.error?.message ?? 'The setting was not changed.');
      return;
    }
    setNow(result.school.parentAccessEnabled ?? !now);
    setChanged(true);
    onChanged();
  };

  return (
    <Section
      title="Parents and carers"
      description="When parent access is on, a parent or carer whose account is linked to a pupil can read that pupil's careers record and add comments to it. They never see vulnerable groups. While a pupil is under 16, they can also set the pupil's consent and sharing choices."
    >
      {failure ? (
        <ErrorPanel title="Parent access was not changed" headingLevel={3}>
          {failure}
        </ErrorPanel>
      ) : null}
      {changed ? <Notice title={now ? 'Parent access is now on' : 'Parent access is now off'} headingLevel={3} /> : null}
      {now == null ? (
        <p className="wm-muted">This setting is not available to you.</p>
      ) : (
        <>
          <p>
            Parent access is <strong>{now ? 'on' : 'off'}</strong>.{' '}
            {now ? 'Linked parents and carers can see their child’s record.' : 'Parents and carers cannot see any record.'}
          </p>
          <Button variant="secondary" onClick={() => void toggle()} disabled={mutation.loading}>
            {mutation.loading ? 'Saving…' : now ? 'Turn parent access off' : 'Turn parent access on'}
          </Button>
        </>
      )}
    </Section>
  );
}
