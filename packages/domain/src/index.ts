export * from './london-time.js';
export * from './academic-year.js';
export * from './upn.js';
export * from './groups.js';
export * from './encounters.js';
export * from './destinations.js';
export * from './benchmarks.js';
export * from './csv.js';
