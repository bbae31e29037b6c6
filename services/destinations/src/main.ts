import 'reflect-metadata';
import { runService } from '@waymark/subgraph-kit';
import { destinationsDeps, destinationsService } from './app.js';
import { loadEnv } from './env.js';

const env = loadEnv();
await runService(destinationsService, env, destinationsDeps(env));
