import { createServer } from 'node:net';
import { SUBGRAPHS } from '@waymark/auth';

/** Where a stack listens: the gateway on `port`, subgraph n on `subgraphBasePort + n`. */
export interface StackPorts {
  port: number;
  subgraphBasePort: number;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * A block of free ports for one stack, so test files (and packages) can run side by side without
 * agreeing on numbers. The block starts at a random multiple of 8 between 20000 and 59999 (above the
 * fixed ports of a running `npm start`, below the kernel's ephemeral range) and is checked port by
 * port; between the check and the stack's listen another process could take one, which is why the
 * blocks are spread at random.
 */
export async function freeStackPorts(): Promise<StackPorts> {
  const size = SUBGRAPHS.length + 1;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + 8 * Math.floor(Math.random() * 5_000);
    let free = true;
    for (let offset = 0; offset < size && free; offset += 1) free = await canListen(base + offset);
    if (free) return { port: base, subgraphBasePort: base };
  }
  throw new Error('No block of free ports found for a test stack.');
}
