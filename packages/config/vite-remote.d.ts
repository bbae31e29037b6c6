import type { UserConfig } from 'vite';
export declare function remoteViteConfig(remote: { name: string; devPort: number }): UserConfig;
