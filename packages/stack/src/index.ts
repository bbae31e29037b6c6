export * from './stack.js';
export { DEMO_ACCOUNTS_FOR_BANNER } from './banner.js';
export * from './ports.js';
export * from './mail-catcher.js';
export * from './shared.js';
