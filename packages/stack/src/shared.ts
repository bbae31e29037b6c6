import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localSubgraphUrl } from '@waymark/auth';
import { freeStackPorts } from './ports.js';
import { restoreStackData, snapshotStackData } from './snapshot.js';
import { dropStackDatabases, startStack, type RunningStack, type ServiceName } from './stack.js';

/**
 * Stacks shared by the test files of one test run (PostgreSQL only). Starting a stack costs six Node
 * processes loading their modules, about fifteen seconds of processor time; most test files only
 * need the seeded demo data as it was at the start. So a test run's global setup starts one stack
 * per worker, seeded and saved (snapshot.ts), and each file that asks for it puts the saved data
 * back before its tests. Files run one at a time on each worker, so no two share a stack at once.
 *
 * A file that stops a subgraph, reads the mail catcher (it lives in the setup's process) or needs
 * other settings starts its own stack as before. On PGlite every file starts its own stack: the
 * data is inside the services' own processes, where nothing else can put it back.
 */

/** What a test file needs to use a shared stack: plain data, passed from the global setup. */
export interface SharedStackAddress {
  url: string;
  subgraphBasePort: number;
  dataDir: string;
  databaseUrl: string;
  databasePrefix: string;
}

export interface SharedStacks {
  addresses: SharedStackAddress[];
  stop(): Promise<void>;
}

/** Starts `count` seeded stacks with the same settings and saves each one's data. */
export async function startSharedStacks(options: {
  root: string;
  name: string;
  count: number;
  databaseUrl: string;
  env?: Record<string, string>;
  frontendsDir?: string;
}): Promise<SharedStacks> {
  const started: { stack: RunningStack; address: SharedStackAddress }[] = [];
  const stop = async () => {
    await Promise.all(
      started.map(async ({ stack, address }) => {
        await stack.stop();
        await dropStackDatabases(address.databaseUrl, address.databasePrefix);
        rmSync(address.dataDir, { recursive: true, force: true });
      }),
    );
  };
  try {
    // One after another: they share the cores, and the ports are taken free one block at a time.
    for (let index = 0; index < options.count; index++) {
      const dataDir = mkdtempSync(join(tmpdir(), `waymark-${options.name}-shared-`));
      const databasePrefix = `waymark_${options.name}_shared${index}_${randomBytes(3).toString('hex')}_`;
      const ports = await freeStackPorts();
      const stack = await startStack({
        root: options.root,
        ...ports,
        dataDir,
        databaseUrl: options.databaseUrl,
        databasePrefix,
        seedDemo: true,
        databaseTemplates: true,
        cheapPasswordHashes: true,
        frontendsDir: options.frontendsDir,
        env: options.env,
        log: () => {},
      });
      const address = { url: stack.url, subgraphBasePort: ports.subgraphBasePort, dataDir, databaseUrl: options.databaseUrl, databasePrefix };
      started.push({ stack, address });
      await snapshotStackData(options.databaseUrl, databasePrefix);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { addresses: started.map(({ address }) => address), stop };
}

/** The shared stack for this test worker (`VITEST_POOL_ID` counts workers from 1). */
export function sharedStackForWorker(addresses: readonly SharedStackAddress[], workerId = process.env.VITEST_POOL_ID): SharedStackAddress {
  const index = (Number(workerId ?? '1') - 1) % addresses.length;
  const address = addresses[Number.isInteger(index) && index >= 0 ? index : 0];
  if (!address) throw new Error('No shared stack was started for this test run.');
  return address;
}

const refuse = (what: string) => () => {
  throw new Error(`A test on a shared stack cannot ${what}: start its own stack instead.`);
};

/**
 * Puts the shared stack's seeded data back and returns it as a running stack. Its processes keep
 * running for the next file: stopping it, or one of its subgraphs, is refused, and it has no mail
 * catcher in this process.
 */
export async function useSharedStack(address: SharedStackAddress): Promise<RunningStack> {
  await restoreStackData(address.databaseUrl, address.databasePrefix);
  return {
    url: address.url,
    subgraphUrl: (name: ServiceName) => localSubgraphUrl(name, address.subgraphBasePort),
    servicePid: refuse('look up a subgraph process'),
    stopService: refuse('stop a subgraph'),
    stop: async () => {},
    mail: null,
    exited: new Promise(() => {}),
  };
}
