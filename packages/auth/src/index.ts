export * from './principal.js';
export * from './credential.js';
export * from './password.js';
export * from './errors.js';
export * from './api-scopes.js';
export * from './topology.js';
export * from './rate-allowance.js';
