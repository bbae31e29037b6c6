import { Agent, request, type IncomingMessage } from 'node:http';

/**
 * The gateway's HTTP client for subgraph calls: node:http over kept-alive connections, answering
 * with a standard `Response` holding the whole body. Each client request fans out to several
 * subgraph calls, so the client's cost adds up: `fetch` sends every request body as a stream
 * (chunked, several writes), where this sends headers and body in one write with their length.
 * Failures are plain Errors with a message a person can act on (Apollo rewrites the message of what
 * it is handed, which a DOMException does not allow).
 */
export function subgraphFetcher(timeoutMs: number): (url: string, init?: RequestInit) => Promise<Response> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const body = typeof init.body === 'string' ? init.body : '';
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => {
        headers[key] = value;
      });
      headers['content-length'] = String(Buffer.byteLength(body));
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
      };
      const req = request(url, { method: init.method ?? 'POST', headers, agent }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => settle(() => reject(new Error('the subgraph could not be reached'))));
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
      req.on('error', () => settle(() => reject(new Error('the subgraph could not be reached'))));
      req.end(body);
    });
}
