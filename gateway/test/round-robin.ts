import { request, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One local address in front of several replicas of a process, as a deployment's load balancer or
 * Kubernetes Service would put it: each request goes to the next replica in turn, passed on as it
 * came (method, path, headers, body) and answered as the replica answered. `hits` counts what each
 * replica was sent, so a test can show that every replica served.
 */
export interface RoundRobin {
  readonly url: string;
  readonly hits: readonly number[];
  close(): Promise<void>;
}

export async function roundRobin(targets: readonly string[]): Promise<RoundRobin> {
  const hits = targets.map(() => 0);
  let next = 0;
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const index = next;
    next = (next + 1) % targets.length;
    hits[index] += 1;
    const target = new URL(incoming.url ?? '/', targets[index]);
    const forwarded = request(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host } }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end('replica unreachable');
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
