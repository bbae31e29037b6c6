export * from './activity-spells.js';
export * from './sustained.js';
export * from './intentions.js';
