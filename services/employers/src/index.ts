export { employersService, createApp } from './app.js';
export { buildEmployersSchema } from './schema.js';
