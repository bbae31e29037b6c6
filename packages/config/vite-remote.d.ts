import type { UserConfigFnObject } from 'vite';
export declare const sharedSingletons: Record<'react' | 'react-dom' | '@waymark/graphql-client', { singleton: true; requiredVersion: string }>;
export declare function remoteViteConfig(remote: { name: string; devPort: number }): UserConfigFnObject;
