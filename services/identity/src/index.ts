export { identityService, defineIdentityService, createApp } from './app.js';
export { buildIdentitySchema, type IdentitySchemaConfig } from './schema.js';
export { loadEnv, DEFAULT_PUPILS_URL, type IdentityEnv } from './env.js';
export { base32Decode, totp } from './modules/second-factor/totp.js';
