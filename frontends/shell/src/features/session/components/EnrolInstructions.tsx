import { groupSecret } from '../signInSteps';

/** How to add Waymark to an authenticator app: the key grouped for typing, or an otpauth link on a phone. */
export function EnrolInstructions({ secret, otpauthUri }: { secret: string; otpauthUri: string }) {
  return (
    <ol>
      <li>
        Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator) and choose to add an account by typing a key.
      </li>
      <li>
        Type this key: <code>{groupSecret(secret)}</code>
        <br />
        On the phone you are using now, you can <a href={otpauthUri}>open it in your authenticator app</a> instead.
      </li>
      <li>Enter the 6-digit code the app shows for Waymark.</li>
    </ol>
  );
}
