import 'reflect-metadata';
import { runService } from '@waymark/subgraph-kit';
import { encountersDeps, encountersService } from './app.js';
import { loadEnv } from './env.js';

const env = loadEnv();
await runService(encountersService, env, encountersDeps(env));
