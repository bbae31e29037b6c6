import 'reflect-metadata';
import { runServiceTool } from '@waymark/subgraph-kit';
import { pupilsService } from './app.js';

process.exit(await runServiceTool(pupilsService, new URL('..', import.meta.url), process.argv[2]));
