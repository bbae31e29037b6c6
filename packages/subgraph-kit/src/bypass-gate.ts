import { AsyncLocalStorage } from 'node:async_hooks';

/*
 * A request's bypass of the tenant check is a transaction-local setting, and a request's resolvers
 * share one transaction. Left alone, a statement another resolver sends while a bypass is lifted
 * would run lifted too, and read rows the policies exist to hide. The gate makes a bypass exclusive
 * within its transaction:
 * - a bypass waits for the request's statements already under way, then lifts the check;
 * - while it is lifted, only the bypass's own statements run (those sent from inside its work, as
 *   the async context tells); every other statement of the request waits until the check is back;
 * - bypasses of one request take turns, so one never puts the check back under another's work.
 * Statements reach the database through the transaction object MikroORM hands the driver (Kysely's
 * transaction: `executeQuery` for statements, its executor's `stream` for streams, `savepoint` for
 * nested transactions), so that is where the gate stands, for the transaction and its savepoints.
 */

interface Executor {
  stream(query: unknown, chunkSize: number, options?: unknown): AsyncIterableIterator<unknown>;
}

interface GuardedTransaction {
  executeQuery(query: unknown, options?: unknown): Promise<unknown>;
  getExecutor(): Executor;
  savepoint(name: string): { execute(): Promise<GuardedTransaction> };
}

/** The bypass whose work the current async context belongs to. */
const insideBypass = new AsyncLocalStorage<symbol>();

class BypassGate {
  /** The bypass holding the gate (lifted, or waiting for the statements under way to end). */
  private holder: symbol | undefined;
  private released: Promise<void> = Promise.resolve();
  private underWay = 0;
  private drained: (() => void) | undefined;

  /** Runs one statement of the request: at once inside the holding bypass, else once no bypass holds the gate. */
  async statement<T>(run: () => Promise<T>): Promise<T> {
    while (this.holder !== undefined && insideBypass.getStore() !== this.holder) await this.released;
    if (this.holder !== undefined) return run();
    this.underWay += 1;
    try {
      return await run();
    } finally {
      this.underWay -= 1;
      if (this.underWay === 0) this.drained?.();
    }
  }

  /** Whether the current async context is the work of the bypass holding the gate. */
  holds(): boolean {
    return this.holder !== undefined && insideBypass.getStore() === this.holder;
  }

  /** Runs `work` holding the gate: after the statements under way, before any sent meanwhile. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.holder !== undefined) await this.released;
    const token = Symbol('bypass');
    this.holder = token;
    let release!: () => void;
    this.released = new Promise((resolve) => (release = resolve));
    try {
      while (this.underWay > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = undefined;
      return await insideBypass.run(token, work);
    } finally {
      this.holder = undefined;
      release();
    }
  }
}

const gates = new WeakMap<object, BypassGate>();

function guard(transaction: GuardedTransaction, gate: BypassGate): void {
  if (gates.has(transaction)) return;
  gates.set(transaction, gate);
  const executeQuery = transaction.executeQuery.bind(transaction);
  transaction.executeQuery = (query, options) => gate.statement(() => executeQuery(query, options));
  const getExecutor = transaction.getExecutor.bind(transaction);
  transaction.getExecutor = () => {
    const executor = getExecutor();
    // A stream counts as under way until it ends (nothing in Waymark streams inside a request yet).
    return new Proxy(executor, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (property === 'stream') {
          return (query: unknown, chunkSize: number, options?: unknown) =>
            (async function* () {
              let admitted!: () => void;
              const entered = new Promise<void>((resolve) => (admitted = resolve));
              let finish!: () => void;
              const ended = new Promise<void>((resolve) => (finish = resolve));
              const held = gate.statement(() => {
                admitted();
                return ended;
              });
              await entered;
              try {
                yield* target.stream(query, chunkSize, options);
              } finally {
                finish();
                await held;
              }
            })();
        }
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  const savepoint = transaction.savepoint.bind(transaction);
  transaction.savepoint = (name) => {
    const command = savepoint(name);
    return {
      execute: async () => {
        const nested = await command.execute();
        guard(nested, gate);
        return nested;
      },
    };
  };
}

/** Puts a fresh gate on a request's transaction (the object `em.getTransactionContext()` returns). */
export function guardRequestTransaction(transaction: unknown): void {
  if (transaction && typeof transaction === 'object' && !gates.has(transaction)) guard(transaction as GuardedTransaction, new BypassGate());
}

/** The gate of the transaction (or savepoint) `transaction`, if it belongs to a request. */
export function gateOf(transaction: unknown): BypassGate | undefined {
  return transaction && typeof transaction === 'object' ? gates.get(transaction) : undefined;
}
