export { destinationsService, defineDestinationsService, createApp } from './app.js';
export { buildDestinationsSchema, type DestinationsSchemaConfig } from './schema.js';
export { loadEnv, DEFAULT_PUPILS_URL, type DestinationsEnv } from './env.js';
