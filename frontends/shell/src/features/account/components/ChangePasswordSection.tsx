import { ChangePasswordDocument, useMutation } from '@waymark/graphql-client';
import { Notice, Section } from '@waymark/ui';
import { useState } from 'react';
import { PasswordForm } from './PasswordForm';

export function ChangePasswordSection({ onChanged }: { onChanged: () => void }) {
  const [changePassword] = useMutation(ChangePasswordDocument);
  const [done, setDone] = useState<number | null>(null);

  return (
    <Section title="Change your password" description="Changing it signs you out everywhere else; you stay signed in here.">
      {done !== null ? (
        <Notice title="Your password has been changed" headingLevel={3}>
          {done === 1 ? 'One other device was signed out.' : `${done} other devices were signed out.`}
        </Notice>
      ) : null}
      <PasswordForm
        label="Change your password"
        submitText="Change password"
        withNewPassword
        onSubmit={async (currentPassword, newPassword) => {
          setDone(null);
          const { data, error } = await changePassword({ input: { currentPassword, newPassword } });
          const result = data?.changePassword;
          if (error || !result || result.error) return error?.message ?? result?.error?.message ?? 'Your password was not changed. Try again.';
          setDone(result.signedOutDevices ?? 0);
          onChanged();
          return null;
        }}
      />
    </Section>
  );
}
