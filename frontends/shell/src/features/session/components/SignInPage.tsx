import { SignInForm } from '@waymark/ui';
import { AppFrame } from '../../layout/components/AppFrame';
import { AppHeader } from '../../layout/components/AppHeader';

export function SignInPage({ onSignIn }: { onSignIn: (email: string, password: string) => Promise<void> }) {
  return (
    <AppFrame title="Sign in" header={<AppHeader />}>
      <SignInForm onSignIn={onSignIn} />
    </AppFrame>
  );
}
