export { pupilsService, createApp } from './app.js';
export { buildPupilsSchema } from './schema.js';
