import {
  ConfirmSecondFactorDocument,
  CreateRecoveryCodesDocument,
  StartSecondFactorEnrolmentDocument,
  TurnOffSecondFactorDocument,
  useMutation,
  type YourAccountQuery,
} from '@waymark/graphql-client';
import { Button, DateText, ErrorPanel, Section } from '@waymark/ui';
import { useState } from 'react';
import { CodeForm } from '../../session/components/CodeForm';
import { EnrolInstructions } from '../../session/components/EnrolInstructions';
import { RecoveryCodes } from '../../session/components/SignInPage';
import { PasswordForm } from './PasswordForm';

type Status = NonNullable<YourAccountQuery['secondFactor']>;

type Mode =
  { mode: 'idle' } | { mode: 'enrol'; secret: string; otpauthUri: string } | { mode: 'new-codes' } | { mode: 'turn-off' } | { mode: 'codes'; codes: string[] };

/** Staff and analysts: turning the authenticator app on or off, and new recovery codes. */
export function SecondFactorSection({ status, onChanged }: { status: Status; onChanged: () => void }) {
  const [start, starting] = useMutation(StartSecondFactorEnrolmentDocument);
  const [confirm] = useMutation(ConfirmSecondFactorDocument);
  const [createCodes] = useMutation(CreateRecoveryCodesDocument);
  const [turnOff] = useMutation(TurnOffSecondFactorDocument);
  const [mode, setMode] = useState<Mode>({ mode: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);

  const begin = async () => {
    setFailure(null);
    const { data, error } = await start({});
    const result = data?.startSecondFactorEnrolment;
    if (error || !result?.secret || !result.otpauthUri) {
      setFailure(error?.message ?? result?.error?.message ?? 'Setting up an app is not available right now.');
      return;
    }
    setMode({ mode: 'enrol', secret: result.secret, otpauthUri: result.otpauthUri });
  };

  const cancel = (
    <p>
      <Button variant="secondary" onClick={() => setMode({ mode: 'idle' })}>
        Cancel
      </Button>
    </p>
  );

  let body;
  switch (mode.mode) {
    case 'codes':
      body = (
        <>
          <RecoveryCodes codes={mode.codes} headingLevel={3} />
          <Button
            onClick={() => {
              setMode({ mode: 'idle' });
              onChanged();
            }}
          >
            I have saved them
          </Button>
        </>
      );
      break;
    case 'enrol':
      body = (
        <>
          <CodeForm
            label="Set up your authenticator app"
            allowRecoveryCode={false}
            submitText="Turn it on"
            onSubmit={async (code) => {
              const { data, error } = await confirm({ input: { code } });
              const result = data?.confirmSecondFactor;
              if (error || !result?.recoveryCodes)
                throw new Error(error?.message ?? result?.error?.message ?? 'That code is not right. Try the code your app shows now.');
              setMode({ mode: 'codes', codes: result.recoveryCodes });
            }}
          >
            <EnrolInstructions secret={mode.secret} otpauthUri={mode.otpauthUri} />
          </CodeForm>
          {cancel}
        </>
      );
      break;
    case 'new-codes':
      body = (
        <>
          <CodeForm
            label="Make new recovery codes"
            allowRecoveryCode={false}
            submitText="Make new codes"
            onSubmit={async (code) => {
              const { data, error } = await createCodes({ input: { code } });
              const result = data?.createRecoveryCodes;
              if (error || !result?.recoveryCodes)
                throw new Error(error?.message ?? result?.error?.message ?? 'That code is not right. Try the code your app shows now.');
              setMode({ mode: 'codes', codes: result.recoveryCodes });
            }}
          >
            <p>Enter the 6-digit code from your authenticator app. Your old recovery codes will stop working.</p>
          </CodeForm>
          {cancel}
        </>
      );
      break;
    case 'turn-off':
      body = (
        <>
          <p>Enter your password to stop being asked for a code when you sign in.</p>
          <PasswordForm
            label="Turn off your authenticator app"
            submitText="Turn it off"
            onSubmit={async (password) => {
              const { data, error } = await turnOff({ input: { password } });
              const result = data?.turnOffSecondFactor;
              if (error || !result || result.error) return error?.message ?? result?.error?.message ?? 'It was not turned off. Try again.';
              setMode({ mode: 'idle' });
              onChanged();
              return null;
            }}
          />
          {cancel}
        </>
      );
      break;
    case 'idle':
      body = status.enabled ? (
        <>
          <p>
            Signing in asks for a code from your authenticator app
            {status.enabledAt ? (
              <>
                {' '}
                (on since <DateText value={status.enabledAt} />)
              </>
            ) : null}
            . You have {status.recoveryCodesLeft === 1 ? '1 recovery code' : `${status.recoveryCodesLeft} recovery codes`} left.
          </p>
          {status.required ? <p>Your school or trust requires it, so it cannot be turned off.</p> : null}
          <div className="wm-button-row">
            <Button variant="secondary" onClick={() => setMode({ mode: 'new-codes' })}>
              Make new recovery codes
            </Button>
            {status.required ? null : (
              <Button variant="secondary" onClick={() => setMode({ mode: 'turn-off' })}>
                Turn off your authenticator app
              </Button>
            )}
          </div>
        </>
      ) : (
        <>
          <p>
            An authenticator app on your phone gives you a new 6-digit code every 30 seconds. With it turned on, someone who learns your password still cannot
            sign in as you.
          </p>
          <Button onClick={() => void begin()} disabled={starting.loading}>
            {starting.loading ? 'Starting…' : 'Set up an authenticator app'}
          </Button>
        </>
      );
      break;
  }

  return (
    <Section title="Authenticator app">
      {failure ? (
        <ErrorPanel title="There is a problem" headingLevel={3}>
          {failure}
        </ErrorPanel>
      ) : null}
      {body}
    </Section>
  );
}
