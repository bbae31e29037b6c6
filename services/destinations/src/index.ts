export { destinationsService, createApp } from './app.js';
export { buildDestinationsSchema } from './schema.js';
