#!/usr/bin/env node
// Entry for `npm start`, `npm test`, `npm run bench`: runs on any Node with npm (even an old one),
// fetches Node 24 and pnpm from the npm registry into .tools/ when needed, installs, builds, then
// hands over to turbo / the local stack. Written in plain CommonJS so Node 20 can still run it.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const TOOLS = path.join(ROOT, '.tools');
const NODE_SPEC = 'node@24';
const PNPM_SPEC = 'pnpm@10.34.9';
const REQUIRED_MAJOR = 24;

function log(message) {
  process.stderr.write(`[waymark] ${message}\n`);
}

function run(cmd, args, options) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.error) throw result.error;
  return result.status === null ? 1 : result.status;
}

function mustRun(cmd, args, options) {
  const status = run(cmd, args, options);
  if (status !== 0) {
    log(`"${[path.basename(cmd), ...args].join(' ')}" failed with exit code ${status}`);
    process.exit(status);
  }
}

function major(version) {
  return Number(String(version).replace(/^v/, '').split('.')[0]);
}

function toolsInstall(specs) {
  fs.mkdirSync(TOOLS, { recursive: true });
  if (!fs.existsSync(path.join(TOOLS, 'package.json'))) {
    fs.writeFileSync(path.join(TOOLS, 'package.json'), '{"name":"waymark-tools","private":true}\n');
  }
  log(`fetching ${specs.join(', ')} from the npm registry into .tools/`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  mustRun(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', TOOLS, ...specs]);
}

function localNode() {
  const bin = path.join(TOOLS, 'node_modules', 'node', 'bin', 'node');
  if (!fs.existsSync(bin)) return null;
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 && major(probe.stdout.trim()) >= REQUIRED_MAJOR ? bin : null;
}

function withPath(dirs) {
  const env = { ...process.env };
  env.PATH = [...dirs, env.PATH || ''].join(path.delimiter);
  return env;
}

// 1. Make sure we run on Node 24+.
if (major(process.version) < REQUIRED_MAJOR) {
  let node = localNode();
  if (!node) {
    log(`Node ${process.version} is too old (need ${REQUIRED_MAJOR}+)`);
    toolsInstall([NODE_SPEC, PNPM_SPEC]);
    node = localNode();
    if (!node) {
      log('could not install Node 24 from the npm registry');
      process.exit(1);
    }
  }
  const status = run(node, [__filename, ...process.argv.slice(2)], {
    env: withPath([path.dirname(node)]),
  });
  process.exit(status);
}

// 2. From here on we are on Node 24+. Make sure pnpm is at hand.
const pnpmCjs = path.join(TOOLS, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
if (!fs.existsSync(pnpmCjs)) toolsInstall([PNPM_SPEC]);
// turbo looks for the package manager's binary on PATH, so .tools/node_modules/.bin goes first too.
const env = withPath([path.dirname(process.execPath), path.join(TOOLS, 'node_modules', '.bin'), path.join(ROOT, 'node_modules', '.bin')]);
const pnpm = (args, extra) => mustRun(process.execPath, [pnpmCjs, ...args], { env, ...extra });

// 3. Install when the lockfile is newer than the last install.
function ensureInstalled() {
  const lock = path.join(ROOT, 'pnpm-lock.yaml');
  const marker = path.join(ROOT, 'node_modules', '.waymark-installed');
  const stale = !fs.existsSync(marker) || (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs);
  if (!stale) return;
  log('installing dependencies');
  pnpm(['install', ...(fs.existsSync(lock) ? ['--frozen-lockfile'] : []), '--reporter=append-only']);
  fs.writeFileSync(marker, new Date().toISOString() + '\n');
}

function build() {
  pnpm(['exec', 'turbo', 'run', 'build', '--env-mode=loose', '--output-logs=errors-only']);
}

/**
 * Runs the stack in the foreground and passes SIGINT/SIGTERM on to it, so stopping `npm start` (by
 * Ctrl+C, or a supervisor's SIGTERM to this process alone) stops every service it started. The stack
 * runs under this Node directly: a package-manager script in between would not pass SIGTERM on.
 */
function serve() {
  const child = spawn(process.execPath, [path.join(ROOT, 'packages', 'stack', 'dist', 'start.js')], { stdio: 'inherit', cwd: ROOT, env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal));
  }
  child.on('exit', (code, signal) => process.exit(code === null ? (signal ? 1 : 0) : code));
}

function testConcurrency() {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(2, cores);
}

/**
 * Every package's `check` and `test`, after the build, in two lanes that start together: the gateway's
 * tests and then the browser tests (the two that start whole stacks, about eleven minutes on two cores),
 * and beside them everything else, one package at a time on two cores (more on a bigger machine).
 * The browser tests used to wait for a free slot at the end, and then shared the machine with the
 * gateway's. Every test stack takes its own free ports and throwaway databases, so nothing waits for
 * anything else. Each package's output is printed whole when it finishes; a failure does not stop the
 * other packages, and the exit code is the first failure's. The failing packages' failure reports are
 * printed again at the very end, so the last screen of a long run (all a CI log may keep) names them.
 */
function runTests() {
  const output = new Map(); // package task ("@waymark/x:test") -> its lines
  const keep = (line) => {
    const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
    const task = /^(@waymark\/[\w-]+:\w+): ?/.exec(plain);
    if (!task) return;
    if (!output.has(task[1])) output.set(task[1], []);
    output.get(task[1]).push(plain.slice(task[0].length));
  };
  const turbo = (args) =>
    new Promise((resolve) => {
      // --only: the build ran above; two turbo runs replaying it side by side would rewrite dist/ under the other's tests.
      const child = spawn(
        process.execPath,
        [
          pnpmCjs,
          'exec',
          'turbo',
          'run',
          ...args,
          '--only',
          '--continue=dependencies-successful',
          '--log-order=grouped',
          '--env-mode=loose',
          '--output-logs=full',
        ],
        {
          stdio: ['inherit', 'pipe', 'inherit'],
          cwd: ROOT,
          env,
        },
      );
      let partial = '';
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop();
        lines.forEach(keep);
      });
      child.on('close', (code, signal) => {
        if (partial) keep(partial);
        resolve(code === null ? (signal ? 1 : 0) : code);
      });
    });
  // The gateway's tests first, then the browser tests, in that order every time. In one turbo run the
  // order was turbo's to choose: on the same idle machine, the browser tests first took 13 min 38 s in
  // all and the gateway's first 11 min 38 s (beside the browser stacks, the other lane's sync tests
  // wait longer on their transactions, CONTRIBUTING.md, "Running tests").
  const gatewayThenBrowser = async () => {
    const gateway = await turbo(['check', 'test', '--filter=@waymark/gateway']);
    const browser = await turbo(['check', 'test', '--filter=@waymark/e2e']);
    return gateway !== 0 ? gateway : browser;
  };
  Promise.all([
    gatewayThenBrowser(),
    turbo(['check', 'test', '--filter=!@waymark/e2e', '--filter=!@waymark/gateway', `--concurrency=${Math.max(1, testConcurrency() - 1)}`]),
  ]).then((codes) => {
    const failed = codes.find((code) => code !== 0);
    if (failed !== undefined) {
      reprintFailures(output);
      log("npm test failed: the failures are listed just above, and in full with each package's output");
    }
    process.exit(failed ?? 0);
  });
}

/** Each failed package task's failure report (Vitest's "Failed Tests" section, else its last lines), at most 200 lines each. */
function reprintFailures(output) {
  for (const [task, lines] of output) {
    if (!lines.some((line) => /ELIFECYCLE|Failed Tests|FAIL /.test(line))) continue;
    const start = lines.findIndex((line) => /Failed Tests \d+/.test(line));
    const report = start >= 0 ? lines.slice(start) : lines.slice(-60);
    process.stdout.write(`\n[waymark] ${task} failed:\n${report.slice(0, 200).join('\n')}\n`);
  }
}

const command = process.argv[2] || 'start';
ensureInstalled();
switch (command) {
  case 'build':
    build();
    break;
  case 'start':
    build();
    serve();
    break;
  case 'test':
    build();
    runTests();
    break;
  case 'lint':
    // ESLint and tsc (sources and tests) in every package, then the layout of every file Prettier owns.
    pnpm(['exec', 'turbo', 'run', 'lint', 'typecheck', '--output-logs=errors-only']);
    pnpm(['exec', 'prettier', '--check', '--log-level=warn', '.']);
    // Exports nothing imports (knip.json says where each package starts; a package's index is its public API).
    pnpm(['exec', 'knip', '--include', 'exports,types', '--no-progress']);
    break;
  case 'bench':
    build();
    pnpm(['--filter', '@waymark/bench', 'run', 'bench']);
    break;
  default:
    log(`unknown command "${command}" (start, test, build, lint, bench)`);
    process.exit(2);
}
