import type { PublicPage as Page } from '../accountSteps';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { ResetPasswordPage } from './ResetPasswordPage';
import { SignUpPage } from './SignUpPage';
import { VerifyEmailPage } from './VerifyEmailPage';

/** One of the pages a signed-out person opens by address. */
export function PublicPage({ page }: { page: Page }) {
  switch (page) {
    case 'volunteer-sign-up':
      return <SignUpPage />;
    case 'verify-email':
      return <VerifyEmailPage />;
    case 'forgot-password':
      return <ForgotPasswordPage />;
    case 'reset-password':
      return <ResetPasswordPage />;
  }
}
