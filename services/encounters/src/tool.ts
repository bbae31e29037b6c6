import 'reflect-metadata';
import { runServiceTool } from '@waymark/subgraph-kit';
import { encountersService } from './app.js';
import { loadBenchmarkStatesEnv, loadEnv } from './env.js';
import { runBenchmarkStatesCommand } from './modules/benchmark-feed/benchmark-feed.command.js';

const [command, argument] = process.argv.slice(2);
process.exit(
  command === 'benchmark-states'
    ? await runBenchmarkStatesCommand(encountersService, loadEnv(), loadBenchmarkStatesEnv(), argument)
    : await runServiceTool(encountersService, new URL('..', import.meta.url), command),
);
