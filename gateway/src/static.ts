import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map']);
export const REMOTE_NAMES = ['pupil', 'employer', 'careers-leader'] as const;

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

interface CachedFile {
  mtimeMs: number;
  body: Buffer;
  gzipped: Buffer | null;
}

/**
 * Serves the shell at `/`, each remote at `/remotes/<name>/`, and the runtime manifest at
 * `/remotes.json`. Entry files are never cached by browsers (so a redeployed remote shows at the
 * next load); hashed assets are cached for a year.
 */
export class StaticFiles {
  private readonly cache = new Map<string, CachedFile>();

  constructor(
    private readonly frontendsDir: string,
    private readonly manifestFile: string | undefined,
  ) {}

  manifest(): { remotes: { name: string; entry: string }[] } {
    if (this.manifestFile) return JSON.parse(readFileSync(this.manifestFile, 'utf8')) as { remotes: { name: string; entry: string }[] };
    return {
      remotes: REMOTE_NAMES.filter((name) => existsSync(join(this.frontendsDir, name, 'dist', 'remoteEntry.js'))).map((name) => ({
        name,
        entry: `/remotes/${name}/remoteEntry.js`,
      })),
    };
  }

  handle(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (pathname === '/remotes.json') {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-cache', ...SECURITY_HEADERS });
      res.end(JSON.stringify(this.manifest()));
      return;
    }
    const remote = /^\/remotes\/([a-z-]+)\/(.*)$/.exec(pathname);
    let file: string | null;
    if (remote) {
      file = (REMOTE_NAMES as readonly string[]).includes(remote[1]) ? this.within(join(this.frontendsDir, remote[1], 'dist'), remote[2]) : null;
    } else {
      const shellDir = join(this.frontendsDir, 'shell', 'dist');
      file = this.within(shellDir, pathname.slice(1) || 'index.html');
      // Client-side routes fall back to the shell's page.
      if (!file && !extname(pathname)) file = this.within(shellDir, 'index.html');
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
      return;
    }
    this.send(req, res, file);
  }

  /** The file under `dir` for a URL path, or null (missing, a folder, or outside `dir`). */
  private within(dir: string, relative: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(relative);
    } catch {
      return null;
    }
    const root = resolve(dir);
    const candidate = resolve(root, decoded);
    if (candidate !== root && !candidate.startsWith(root + sep)) return null;
    try {
      return statSync(candidate).isFile() ? candidate : null;
    } catch {
      return null;
    }
  }

  private send(req: IncomingMessage, res: ServerResponse, file: string): void {
    const ext = extname(file);
    const mtimeMs = statSync(file).mtimeMs;
    let cached = this.cache.get(file);
    if (!cached || cached.mtimeMs !== mtimeMs) {
      const body = readFileSync(file);
      cached = { mtimeMs, body, gzipped: COMPRESSIBLE.has(ext) && body.length > 1024 ? gzipSync(body) : null };
      this.cache.set(file, cached);
    }
    const hashed = /\/assets\//.test(file) && /[-.][A-Za-z0-9_-]{8,}\.\w+$/.test(file);
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...SECURITY_HEADERS,
    };
    const gzip = cached.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) headers['content-encoding'] = 'gzip';
    const body = gzip ? cached.gzipped! : cached.body;
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}
