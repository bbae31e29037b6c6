import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from './mail-catcher.js';

/** Speaks just enough SMTP to hand over one message, checking each reply's code as a mail client would. */
async function sendOverSmtp(smtpUrl: string, from: string, to: string, message: string): Promise<void> {
  const { hostname, port } = new URL(smtpUrl);
  const socket = connect(Number(port), hostname);
  socket.setEncoding('utf8');
  let buffered = '';
  const replies: ((line: string) => void)[] = [];
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf('\r\n')) >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      // Multi-line replies ("250-…") end with a line whose fourth character is a space.
      if (line[3] === ' ') replies.shift()?.(line);
    }
  });
  const reply = (expected: string) =>
    new Promise<void>((resolve, reject) =>
      replies.push((line) => (line.startsWith(expected) ? resolve() : reject(new Error(`expected ${expected}, got ${line}`)))),
    );
  const say = (line: string, expected: string) => {
    const answered = reply(expected);
    socket.write(`${line}\r\n`);
    return answered;
  };
  await reply('220');
  await say('EHLO test.local', '250');
  await say(`MAIL FROM:<${from}>`, '250');
  await say(`RCPT TO:<${to}>`, '250');
  await say('DATA', '354');
  await say(`${message.replace(/\n/g, '\r\n')}\r\n.`, '250');
  await say('QUIT', '221');
  socket.end();
}

let folder: string;
let catcher: MailCatcher;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'waymark-mail-'));
  catcher = await startMailCatcher({ folder });
});
afterAll(async () => {
  await catcher?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the local mail catcher', () => {
  it('keeps a message sent over SMTP: for tests, over HTTP for people, and as an .eml file', async () => {
    const arriving = catcher.waitFor('Sam@Example.test', /Hello/);
    await sendOverSmtp(
      catcher.smtpUrl,
      'no-reply@waymark.test',
      'sam@example.test',
      [
        'From: Waymark <no-reply@waymark.test>',
        'To: sam@example.test',
        'Subject: Hello from Waymark',
        '',
        'Open https://waymark.test/verify-email#token=abc',
      ].join('\n'),
    );
    const mail = await arriving;
    expect(mail).toMatchObject({ from: 'no-reply@waymark.test', to: ['sam@example.test'], subject: 'Hello from Waymark' });
    expect(mail.text.trim()).toBe('Open https://waymark.test/verify-email#token=abc');

    const listed = (await (await fetch(`${catcher.httpUrl}/messages?to=sam@example.test`)).json()) as { subject: string }[];
    expect(listed.map((m) => m.subject)).toEqual(['Hello from Waymark']);
    expect(await (await fetch(`${catcher.httpUrl}/messages?to=nobody@example.test`)).json()).toEqual([]);
    expect(await (await fetch(catcher.httpUrl)).text()).toContain('Subject: Hello from Waymark');

    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^0001-.*\.eml$/);
    expect(readFileSync(join(folder, files[0]), 'utf8')).toContain('Subject: Hello from Waymark');
  });

  it('gives up waiting for a message that never comes', async () => {
    await expect(catcher.waitFor('nobody@example.test', undefined, 50)).rejects.toThrow('No mail to nobody@example.test arrived.');
  });
});
