import 'reflect-metadata';
import { runService } from '@waymark/subgraph-kit';
import { destinationsService } from './app.js';
import { loadEnv } from './env.js';

await runService(destinationsService, loadEnv());
