import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CREDENTIAL_HEADER, CredentialVerifier } from '@waymark/auth';
import { testKeys } from '@waymark/subgraph-kit/testing';

/** What the employers subgraph's `confirmedAlumnus` answers for one volunteer. */
export interface StandInAlumnus {
  schoolId: string;
  name: string;
  yearLeft: number | null;
}

export interface EmployersStandIn {
  url: string;
  /** How many times it was asked, and by whom (the volunteer id each credential carried). */
  asked: (string | null)[];
  close(): Promise<void>;
}

/**
 * The employers subgraph's contract for `confirmedAlumnus`, as the destinations subgraph relies on it:
 * it checks the gateway-signed credential the caller's request carried and answers about that caller
 * alone (an alumni volunteer in `confirmed`), null for anyone else. The real subgraph's own tests
 * (volunteer-sign-up.resolver.test.ts) and the gateway test check the real thing.
 */
export async function startEmployersStandIn(confirmed: Map<string, StandInAlumnus>): Promise<EmployersStandIn> {
  const verifier = new CredentialVerifier(testKeys().publicKeyPem);
  const asked: (string | null)[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      void verifier.verify(req.headers[CREDENTIAL_HEADER] as string | undefined).then((verified) => {
        res.setHeader('content-type', 'application/json');
        if (!verified.ok) {
          res.statusCode = 401;
          res.end(JSON.stringify({ errors: [{ message: 'no credential' }] }));
          return;
        }
        const { principal } = verified;
        asked.push(principal.volunteerId);
        const { query } = JSON.parse(raw) as { query?: unknown };
        const found =
          principal.kind === 'user' && principal.roles.includes('alumni') && principal.volunteerId ? confirmed.get(principal.volunteerId) : undefined;
        const answer = found && typeof query === 'string' && query.includes('confirmedAlumnus') ? { volunteerId: principal.volunteerId, ...found } : null;
        res.end(JSON.stringify({ data: { confirmedAlumnus: answer } }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
