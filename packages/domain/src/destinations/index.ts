export * from './activity-spells.js';
export * from './sustained.js';
export * from './intentions.js';
export * from './follow-up.js';
export * from './september-offer.js';
export * from './self-report.js';
