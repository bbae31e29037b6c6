import 'reflect-metadata';
import { runServiceTool } from '@waymark/subgraph-kit';
import { pupilsService } from './app.js';
import { loadEnv, loadRetentionEnv } from './env.js';
import { runRetentionCommand } from './modules/retention/retention.command.js';

const [command, argument] = process.argv.slice(2);
process.exit(
  command === 'retention'
    ? await runRetentionCommand(pupilsService, loadEnv(), loadRetentionEnv(), argument)
    : await runServiceTool(pupilsService, new URL('..', import.meta.url), command),
);
