export { identityService, identityServiceFor, createApp } from './app.js';
export { buildIdentitySchema } from './schema.js';
