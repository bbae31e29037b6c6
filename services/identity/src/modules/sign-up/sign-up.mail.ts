import type { OutgoingMail } from '../mail/mailer.js';

/** The emails sign-up and password resets send, in plain English. */
export const SignUpMail = {
  verify(to: string, name: string, link: string): OutgoingMail {
    return {
      to,
      subject: 'Confirm your email address for Waymark',
      text: [
        `Hello ${name},`,
        '',
        'Thank you for offering to volunteer with schools. To finish setting up your Waymark account, open this link within 24 hours:',
        '',
        link,
        '',
        'The link works once. If you did not sign up, ignore this email: no account is made without it.',
      ].join('\n'),
    };
  },
  alreadyRegistered(to: string, origin: string): OutgoingMail {
    return {
      to,
      subject: 'You already have a Waymark account',
      text: [
        'Hello,',
        '',
        'Someone (probably you) tried to sign up to Waymark with this email address, but it already has an account.',
        '',
        `Sign in at ${origin}/`,
        `If you have forgotten your password, choose a new one at ${origin}/forgot-password`,
        '',
        'If this was not you, you can ignore this email. Nothing has changed.',
      ].join('\n'),
    };
  },
  reset(to: string, link: string): OutgoingMail {
    return {
      to,
      subject: 'Choose a new Waymark password',
      text: [
        'Hello,',
        '',
        'Someone (probably you) asked to choose a new password for this Waymark account. Open this link within 1 hour:',
        '',
        link,
        '',
        'The link works once. Choosing a new password signs you out everywhere else.',
        'If you did not ask, ignore this email: your password stays the same.',
      ].join('\n'),
    };
  },
};
