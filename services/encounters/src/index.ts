export { encountersService, defineEncountersService, createApp } from './app.js';
export { buildEncountersSchema, type EncountersSchemaConfig } from './schema.js';
export { loadEnv, DEFAULT_PUPILS_URL, type EncountersEnv } from './env.js';
