import { Agent, request, type IncomingMessage } from 'node:http';

/**
 * The gateway's HTTP client for subgraph calls: node:http over kept-alive connections, answering
 * with a standard `Response` holding the whole body. Each client request fans out to several
 * subgraph calls, so the client's cost adds up: `fetch` sends every request body as a stream
 * (chunked, several writes), where this sends headers and body in one write with their length.
 * Failures are plain Errors with a message a person can act on (Apollo rewrites the message of what
 * it is handed, which a DOMException does not allow).
 */
/** What the gateway's data sources hand the fetcher (Apollo's own request shape, not the DOM's `RequestInit`). */
export interface SubgraphRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function subgraphFetcher(timeoutMs: number): (url: string, init?: SubgraphRequestInit) => Promise<Response> {
  // A subgraph closes a connection idle for 65 s (subgraph-kit server.ts); the agent drops its idle
  // ones at 60 s, so it seldom sends on one the subgraph is closing.
  const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 60_000 });
  return (url, init = {}) => {
    const body = typeof init.body === 'string' ? init.body : '';
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    headers['content-length'] = String(Buffer.byteLength(body));
    const started = Date.now();
    // Seldom is not never: a query that fails on a reused connection before any answer came back was
    // most likely sent as the subgraph closed it, so it goes again once, on a fresh connection, within
    // what is left of the timeout. A mutation is never sent twice: it may have been read after all.
    return send(agent, url, init.method ?? 'POST', headers, body, timeoutMs).catch((error: unknown) => {
      const left = timeoutMs - (Date.now() - started);
      if (!(error instanceof StaleConnection) || left <= 0 || !isQuery(body)) throw error;
      return send(agent, url, init.method ?? 'POST', headers, body, left).catch((again: unknown) => {
        throw again instanceof StaleConnection ? new Error(UNREACHABLE) : again;
      });
    });
  };
}

const UNREACHABLE = 'the subgraph could not be reached';

/** Whether a subgraph call only reads: a query (`_entities` lookups included), not a mutation. */
function isQuery(body: string): boolean {
  try {
    const { query } = JSON.parse(body) as { query?: unknown };
    return typeof query === 'string' && !/^\s*mutation\b/.test(query.replace(/^(\s*#[^\n]*\n)*/, ''));
  } catch {
    return false;
  }
}

/** A call that failed on a reused connection before any of the answer arrived. */
class StaleConnection extends Error {
  constructor() {
    super(UNREACHABLE);
  }
}

function send(agent: Agent, url: string, method: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    let answered = false;
    const req = request(url, { method, headers, agent }, (res: IncomingMessage) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => settle(() => reject(new Error(UNREACHABLE))));
      res.on('end', () =>
        settle(() => {
          const answer = new Headers();
          for (const [key, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') answer.set(key, value);
            else if (Array.isArray(value)) for (const item of value) answer.append(key, item);
          }
          const status = res.statusCode ?? 502;
          // A Response cannot carry a body with these statuses.
          const text = status === 204 || status === 304 ? null : Buffer.concat(chunks).toString('utf8');
          resolve(new Response(text, { status, statusText: res.statusMessage ?? '', headers: answer }));
        }),
      );
    });
    const timer = setTimeout(() => {
      settle(() => reject(new Error(`no answer within ${timeoutMs} ms`)));
      req.destroy();
    }, timeoutMs);
    req.on('error', () => settle(() => reject(req.reusedSocket && !answered ? new StaleConnection() : new Error(UNREACHABLE))));
    req.end(body);
  });
}
