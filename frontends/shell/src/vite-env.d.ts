/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set when building to tell deployments apart; the footer shows it. */
  readonly VITE_BUILD_LABEL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** Each shared singleton's installed version and the range remotes ask for (vite.config.ts). */
declare const __WAYMARK_SHARED__: Record<'react' | 'react-dom' | '@waymark/graphql-client', { version: string; requiredVersion: string }>;
