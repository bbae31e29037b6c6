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
 * agreeing on numbers. The block starts at a random multiple of 8 from 20000 up to just below 32768:
 * above the fixed ports of a running `npm start`, and below Linux's ephemeral range (32768–60999),
 * where the kernel hands out the local ports of outgoing connections, which could otherwise take a
 * block's port between the check and the stack's listen. Each port is checked; blocks are spread at
 * random so stacks started at once rarely meet.
 */
export async function freeStackPorts(): Promise<StackPorts> {
  const size = SUBGRAPHS.length + 1;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + 8 * Math.floor(Math.random() * 1_595);
    let free = true;
    for (let offset = 0; offset < size && free; offset += 1) free = await canListen(base + offset);
    if (free) return { port: base, subgraphBasePort: base };
  }
  throw new Error('No block of free ports found for a test stack.');
}
