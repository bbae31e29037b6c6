export { pupilsService, createApp } from './app.js';
export { buildPupilsSchema } from './schema.js';
export { Pupil } from './modules/pupil/pupil.entity.js';
