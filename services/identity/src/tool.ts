import 'reflect-metadata';
import { runServiceTool } from '@waymark/subgraph-kit';
import { identityService } from './app.js';

process.exit(await runServiceTool(identityService, new URL('..', import.meta.url), process.argv[2]));
