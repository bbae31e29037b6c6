export { identityService, createApp } from './app.js';
export { buildIdentitySchema } from './schema.js';
