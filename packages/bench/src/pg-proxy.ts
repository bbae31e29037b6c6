import net from 'node:net';

/*
 * A pass-through PostgreSQL wire-protocol proxy that counts the statements each database is sent
 * and how long the server took to answer them. The stack's subgraphs run as separate processes, so
 * the bench cannot hook their ORM loggers; and pg_stat_statements needs a server restart. Bytes are
 * forwarded untouched as they arrive; the proxy only reads the message framing beside them.
 *
 * A statement is a simple-protocol Query ('Q') or an extended-protocol Execute ('E'); its time runs
 * from the client's first message after the connection was idle to the server's ReadyForQuery ('Z').
 */

export interface StatementRecord {
  database: string;
  /** The first 200 characters of the SQL (from the Query or Parse message). */
  sql: string;
  ms: number;
  /** Bytes the client sent for it (the statement, its parameters) and the server answered. */
  sentBytes: number;
  receivedBytes: number;
}

/** A statement as the client sent it, whole, with its parameters as text (only when started with `capture`). */
export interface CapturedStatement {
  database: string;
  sql: string;
  /** Null for a simple-protocol query; undefined entries never occur (binary parameters are not captured). */
  params: (string | null)[] | null;
}

export interface CountingProxy {
  port: number;
  /** A database URL like `databaseUrl`, pointing at the proxy. */
  url(databaseUrl: string): string;
  /** Starts recording (clears what was recorded). */
  record(): void;
  /** Stops recording and returns the statements seen since `record()`. */
  take(): StatementRecord[];
  /** With `capture`: the whole statements and parameters sent since `record()` (cleared as they are taken). */
  takeCaptured(): CapturedStatement[];
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const PROTOCOL_3 = 196608;

/** Reads framed messages out of a byte stream, keeping only each message's first bytes. */
class Framer {
  private header = Buffer.alloc(5);
  private headerLength = 0;
  private remaining = 0;
  private type = 0;
  private body: Buffer[] = [];
  private bodyLength = 0;

  /** `untyped`: the client's startup phase, where messages have a length but no type byte. */
  constructor(
    private readonly onMessage: (type: number, head: Buffer) => void,
    public untyped = false,
    private readonly keep = 256,
  ) {}

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining === 0 && this.headerLength < (this.untyped ? 4 : 5)) {
        const need = (this.untyped ? 4 : 5) - this.headerLength;
        const take = Math.min(need, chunk.length - offset);
        chunk.copy(this.header, this.headerLength, offset, offset + take);
        this.headerLength += take;
        offset += take;
        if (this.headerLength < (this.untyped ? 4 : 5)) return;
        this.type = this.untyped ? 0 : this.header[0];
        const length = this.untyped ? this.header.readInt32BE(0) : this.header.readInt32BE(1);
        this.remaining = length - 4;
        this.body = [];
        this.bodyLength = 0;
        if (this.remaining === 0) this.finish();
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - offset);
      if (this.bodyLength < this.keep) {
        const slice = chunk.subarray(offset, offset + Math.min(take, this.keep - this.bodyLength));
        this.body.push(Buffer.from(slice));
        this.bodyLength += slice.length;
      }
      this.remaining -= take;
      offset += take;
      if (this.remaining === 0) this.finish();
    }
  }

  private finish(): void {
    const head = Buffer.concat(this.body);
    this.headerLength = 0;
    this.onMessage(this.type, head);
  }
}

/** A Bind message's statement name and text parameters; null when any parameter is binary. */
function readBind(body: Buffer): { statement: string; params: (string | null)[] } | null {
  let at = body.indexOf(0) + 1; // portal name
  const end = body.indexOf(0, at);
  const statement = body.subarray(at, end).toString('utf8');
  at = end + 1;
  const formats = body.readInt16BE(at);
  at += 2;
  for (let i = 0; i < formats; i += 1) if (body.readInt16BE(at + 2 * i) !== 0) return null;
  at += 2 * formats;
  const count = body.readInt16BE(at);
  at += 2;
  const params: (string | null)[] = [];
  for (let i = 0; i < count; i += 1) {
    const length = body.readInt32BE(at);
    at += 4;
    if (length < 0) params.push(null);
    else {
      params.push(body.subarray(at, at + length).toString('utf8'));
      at += length;
    }
  }
  return { statement, params };
}

export async function startCountingProxy(upstream: { host: string; port: number }, options: { capture?: boolean } = {}): Promise<CountingProxy> {
  let recording = false;
  let records: StatementRecord[] = [];
  let captured: CapturedStatement[] = [];
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const server = net.connect(upstream.port, upstream.host);
    sockets.add(client);
    sockets.add(server);
    client.setNoDelay(true);
    server.setNoDelay(true);
    let database = '?';
    let user = '?';
    let awaitingSslAnswer = false;
    // The exchange in flight: from the first client message after idle to ReadyForQuery.
    let busySince: bigint | null = null;
    let statements: string[] = [];
    let sent = 0;
    let received = 0;
    // With `capture`: prepared statements by name, the last Bind, and the whole statements of the exchange in flight.
    const prepared = new Map<string, string>();
    let bound: { statement: string; params: (string | null)[] } | null = null;
    let whole: { sql: string; params: (string | null)[] | null }[] = [];

    const fromClient = new Framer(
      (type, head) => {
        if (fromClient.untyped) {
          const code = head.readInt32BE(0);
          if (code === SSL_REQUEST || code === GSS_REQUEST) {
            awaitingSslAnswer = true;
            return;
          }
          if (code === PROTOCOL_3) {
            const parts = head.subarray(4).toString('utf8').split('\0');
            for (let i = 0; i + 1 < parts.length; i += 2) {
              if (parts[i] === 'database') database = parts[i + 1];
              if (parts[i] === 'user') user = parts[i + 1];
            }
            if (database === '?') database = user;
            fromClient.untyped = false;
          }
          return;
        }
        if (busySince === null) {
          busySince = process.hrtime.bigint();
          statements = [];
          whole = [];
          sent = 0;
          received = 0;
        }
        const t = String.fromCharCode(type);
        if (t === 'Q') statements.push(head.toString('utf8').replace(/\0.*$/s, ''));
        else if (t === 'P') {
          // Parse: statement name \0 query \0 …
          const text = head.toString('utf8');
          const start = text.indexOf('\0') + 1;
          statements.push(text.slice(start).replace(/\0.*$/s, ''));
        } else if (t === 'E' && statements.length === 0) statements.push('(execute of a prepared statement)');
        else if (t === 'X') busySince = null;
        if (options.capture) {
          if (t === 'Q') whole.push({ sql: head.toString('utf8').replace(/\0$/, ''), params: null });
          else if (t === 'P') {
            const name = head.subarray(0, head.indexOf(0)).toString('utf8');
            const start = head.indexOf(0) + 1;
            prepared.set(name, head.subarray(start, head.indexOf(0, start)).toString('utf8'));
          } else if (t === 'B') bound = readBind(head);
          else if (t === 'E' && bound) {
            const sql = prepared.get(bound.statement);
            if (sql !== undefined) whole.push({ sql, params: bound.params });
            bound = null;
          }
        }
      },
      true,
      options.capture ? 64 * 1024 * 1024 : 256,
    );
    const fromServer = new Framer((type) => {
      if (String.fromCharCode(type) !== 'Z' || busySince === null) return;
      const ms = Number(process.hrtime.bigint() - busySince) / 1e6;
      if (recording && statements.length > 0) {
        for (const sql of statements)
          records.push({ database, sql: sql.replace(/\s+/g, ' ').trim().slice(0, 200), ms: ms / statements.length, sentBytes: sent, receivedBytes: received });
      }
      if (recording) for (const statement of whole) captured.push({ database, ...statement });
      whole = [];
      busySince = null;
    });

    client.on('data', (chunk: Buffer) => {
      server.write(chunk);
      sent += chunk.length;
      fromClient.push(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      client.write(chunk);
      received += chunk.length;
      if (awaitingSslAnswer) {
        // One byte, 'N' (no TLS here) or 'S' (TLS: the rest is opaque to us; nothing is counted).
        awaitingSslAnswer = false;
        if (chunk[0] === 0x53) {
          fromServer.push = () => {};
          fromClient.push = () => {};
        }
        const rest = chunk.subarray(1);
        if (rest.length > 0) fromServer.push(rest);
        return;
      }
      fromServer.push(chunk);
    });
    const close = () => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.on('error', close);
    server.on('error', close);
    client.on('close', close);
    server.on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url(databaseUrl: string) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    record() {
      records = [];
      captured = [];
      recording = true;
    },
    take() {
      recording = false;
      const out = records;
      records = [];
      return out;
    },
    takeCaptured() {
      const out = captured;
      captured = [];
      return out;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
