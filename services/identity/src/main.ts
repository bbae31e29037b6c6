import 'reflect-metadata';
import { runService } from '@waymark/subgraph-kit';
import { identityService } from './app.js';
import { loadEnv } from './env.js';

const env = loadEnv();
await runService(identityService, env);
