import 'reflect-metadata';

export * from './audit.js';
export * from './authorize.js';
export * from './context.js';
export * from './database.js';
export * from './env.js';
export * from './errors.js';
export * from './graphql-types.js';
export * from './reference.js';
export * from './schema.js';
export * from './server.js';
export * from './service.js';
export * from './tooling.js';
export * from './entities.js';
export * from './record-access.js';
export * from './sql.js';
export * from './ids.js';
export * from './selection.js';
