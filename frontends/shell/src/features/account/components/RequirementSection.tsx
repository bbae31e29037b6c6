import { SetSecondFactorRequirementDocument, useMutation } from '@waymark/graphql-client';
import { Button, ErrorPanel, Notice, Section } from '@waymark/ui';
import { useState } from 'react';

export interface RequirementSectionProps {
  required: boolean;
  /** A trust analyst sets the rule for the whole trust; a careers leader for their school's staff. */
  isAnalyst: boolean;
  onChanged: () => void;
}

export function RequirementSection({ required, isAnalyst, onChanged }: RequirementSectionProps) {
  const [setRequirement, mutation] = useMutation(SetSecondFactorRequirementDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const who = isAnalyst ? 'everyone in your trust' : "your school's staff";

  const toggle = async () => {
    setFailure(null);
    setChanged(false);
    const { data, error } = await setRequirement({ input: { required: !required } });
    const result = data?.setSecondFactorRequirement;
    if (error || !result || result.error) {
      setFailure(error?.message ?? result?.error?.message ?? 'The setting was not changed.');
      return;
    }
    setChanged(true);
    onChanged();
  };

  return (
    <Section
      title={isAnalyst ? 'Authenticator apps in your trust' : 'Authenticator apps for your staff'}
      description={`When this is on, ${who} must give a code from an authenticator app every time they sign in. Anyone who has not set one up is asked to do it at their next sign-in.`}
    >
      {failure ? (
        <ErrorPanel title="The setting was not changed" headingLevel={3}>
          {failure}
        </ErrorPanel>
      ) : null}
      {changed ? <Notice title={required ? `A code is now required of ${who}` : `A code is no longer required of ${who}`} headingLevel={3} /> : null}
      <p>
        An authenticator app is <strong>{required ? 'required' : 'not required'}</strong> of {who}.
      </p>
      <Button variant="secondary" onClick={() => void toggle()} disabled={mutation.loading}>
        {mutation.loading ? 'Saving…' : required ? 'Stop requiring it' : `Require it of ${who}`}
      </Button>
    </Section>
  );
}
