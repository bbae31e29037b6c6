import 'reflect-metadata';
import { runService } from '@waymark/subgraph-kit';
import { pupilsService } from './app.js';
import { loadEnv } from './env.js';

await runService(pupilsService, loadEnv());
