import 'reflect-metadata';
import { runService } from '@waymark/subgraph-kit';
import { defineIdentityService } from './app.js';
import { loadEnv } from './env.js';

const env = loadEnv();
await runService(defineIdentityService(env), env);
