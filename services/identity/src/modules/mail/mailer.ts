import nodemailer from 'nodemailer';

/** One plain-text email. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends Waymark's own emails (sign-up, password resets). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** Where mail goes: an SMTP server (`smtp://` or `smtps://`, user and password in the URL if it needs them) and the From address. */
export interface MailSettings {
  smtpUrl: string;
  from: string;
}

/**
 * A mailer that hands every message to the SMTP server in `settings`. It waits for the server to
 * accept the message, so a caller that sends inside a transaction can roll back when it fails.
 */
export function smtpMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/** Checks WAYMARK_SMTP_URL and WAYMARK_MAIL_FROM: a problem's description, or null when they will do. */
export function mailSettingsProblem(smtpUrl: string, from: string): string | null {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return `WAYMARK_SMTP_URL must be an smtp:// or smtps:// URL, got "${smtpUrl}"`;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return `WAYMARK_SMTP_URL must be an smtp:// or smtps:// URL, got "${url.protocol}…"`;
  if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(from.trim()))
    return `WAYMARK_MAIL_FROM must be an email address (e.g. "Waymark <no-reply@example.org>"), got "${from}"`;
  return null;
}
