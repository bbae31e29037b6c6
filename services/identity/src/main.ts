import 'reflect-metadata';
import { runService } from '@waymark/subgraph-kit';
import { identityServiceFor } from './app.js';
import { loadEnv } from './env.js';

const env = loadEnv();
await runService(identityServiceFor(env), env);
