import 'reflect-metadata';
import { runServiceTool } from '@waymark/subgraph-kit';
import { encountersService } from './app.js';

process.exit(await runServiceTool(encountersService, new URL('..', import.meta.url), process.argv[2]));
