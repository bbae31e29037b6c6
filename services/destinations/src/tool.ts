import 'reflect-metadata';
import { runServiceTool } from '@waymark/subgraph-kit';
import { destinationsService } from './app.js';

process.exit(await runServiceTool(destinationsService, new URL('..', import.meta.url), process.argv[2]));
