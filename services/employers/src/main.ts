import 'reflect-metadata';
import { runService } from '@waymark/subgraph-kit';
import { employersDeps, employersService } from './app.js';
import { loadEnv } from './env.js';

const env = loadEnv();
await runService(employersService, env, employersDeps(env));
