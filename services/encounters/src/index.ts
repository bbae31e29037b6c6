export { encountersService, encountersDeps, createApp, type EncountersContext, type EncountersDeps } from './app.js';
export { buildEncountersSchema } from './schema.js';
export { loadEnv, DEFAULT_PUPILS_URL, type EncountersEnv } from './env.js';
