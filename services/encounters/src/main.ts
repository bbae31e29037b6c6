import 'reflect-metadata';
import { runService } from '@waymark/subgraph-kit';
import { defineEncountersService } from './app.js';
import { loadEnv } from './env.js';

const env = loadEnv();
await runService(defineEncountersService(env), env);
