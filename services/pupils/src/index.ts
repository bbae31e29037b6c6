export { pupilsService, createApp } from './app.js';
export { buildPupilsSchema } from './schema.js';
export { Pupil } from './modules/pupil/pupil.entity.js';
export { remoteTarget, runRetention, RETENTION_PRINCIPAL, type RetentionRun, type RetentionTarget } from './modules/retention/retention.job.js';
