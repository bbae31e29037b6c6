export { destinationsService, destinationsDeps, createApp, type DestinationsContext, type DestinationsDeps } from './app.js';
export { buildDestinationsSchema } from './schema.js';
export { loadEnv, DEFAULT_PUPILS_URL, type DestinationsEnv } from './env.js';
