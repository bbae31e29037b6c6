export * from './text.js';
export * from './hashtags.js';
export * from './encounter-form.js';
export * from './guidance-form.js';
export * from './own-activity-form.js';
export * from './short-text-forms.js';
export * from './leaving-form.js';
export * from './publication-form.js';
