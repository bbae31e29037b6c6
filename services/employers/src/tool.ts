import 'reflect-metadata';
import { runServiceTool } from '@waymark/subgraph-kit';
import { employersService } from './app.js';

process.exit(await runServiceTool(employersService, new URL('..', import.meta.url), process.argv[2]));
