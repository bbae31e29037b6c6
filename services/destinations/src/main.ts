import 'reflect-metadata';
import { runService } from '@waymark/subgraph-kit';
import { defineDestinationsService } from './app.js';
import { loadEnv } from './env.js';

const env = loadEnv();
await runService(defineDestinationsService(env), env);
