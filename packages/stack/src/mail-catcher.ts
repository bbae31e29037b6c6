import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/** One message the catcher received, as a developer or a test reads it. */
export interface CaughtMail {
  id: number;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface MailCatcher {
  /** What to give a sender: smtp://127.0.0.1:<port>. */
  smtpUrl: string;
  /** Every message as JSON, newest last: GET <httpUrl>/messages (`?to=` keeps one recipient's). */
  httpUrl: string;
  /** The messages received so far, oldest first. */
  messages(): CaughtMail[];
  /** Resolves with the first message to `to` (received before or after the call) matching `subject`. */
  waitFor(to: string, subject?: RegExp, timeoutMs?: number): Promise<CaughtMail>;
  stop(): Promise<void>;
}

/**
 * A local SMTP server that keeps every message instead of delivering it, for `npm start` and the
 * tests: mail really crosses SMTP, and then a person reads it at `httpUrl` (or in `folder` as .eml
 * files) and a test reads it with `messages()`/`waitFor()`. It listens on 127.0.0.1 only, takes no
 * login and never relays anything.
 */
export async function startMailCatcher(options: { folder?: string } = {}): Promise<MailCatcher> {
  const caught: CaughtMail[] = [];
  const waiting = new Set<() => void>();
  if (options.folder) mkdirSync(options.folder, { recursive: true });

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 2 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const mail: CaughtMail = {
              id: caught.length + 1,
              receivedAt: new Date().toISOString(),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
            };
            caught.push(mail);
            if (options.folder) writeFileSync(join(options.folder, `${String(mail.id).padStart(4, '0')}-${mail.receivedAt.replace(/[:.]/g, '-')}.eml`), raw);
            for (const wake of waiting) wake();
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http: Server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://catcher');
    const to = url.searchParams.get('to')?.toLowerCase();
    const list = to ? caught.filter((mail) => mail.to.includes(to)) : caught;
    if (url.pathname === '/messages') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(JSON.stringify(list));
    }
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      list.length === 0
        ? 'No mail yet. Waymark sends mail for sign-up and password resets; reload after one.\n'
        : list
            .slice()
            .reverse()
            .map((mail) => `#${mail.id}  ${mail.receivedAt}\nFrom: ${mail.from}\nTo: ${mail.to.join(', ')}\nSubject: ${mail.subject}\n\n${mail.text}\n`)
            .join(`\n${'─'.repeat(72)}\n\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const httpPort = (http.address() as AddressInfo).port;

  const find = (to: string, subject?: RegExp) => caught.find((mail) => mail.to.includes(to.toLowerCase()) && (!subject || subject.test(mail.subject)));

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    messages: () => [...caught],
    waitFor: (to, subject, timeoutMs = 15_000) =>
      new Promise<CaughtMail>((resolve, reject) => {
        const check = () => {
          const mail = find(to, subject);
          if (!mail) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`No mail to ${to}${subject ? ` matching ${subject.source}` : ''} arrived.`));
        }, timeoutMs);
        waiting.add(check);
        check();
      }),
    stop: async () => {
      http.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => http.close(() => resolve())), new Promise<void>((resolve) => smtp.close(() => resolve()))]);
    },
  };
}
