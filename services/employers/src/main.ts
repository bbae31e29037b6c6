import 'reflect-metadata';
import { runService } from '@waymark/subgraph-kit';
import { employersService } from './app.js';
import { loadEnv } from './env.js';

await runService(employersService, loadEnv());
