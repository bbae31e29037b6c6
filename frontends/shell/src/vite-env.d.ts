/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set when building to tell deployments apart; the footer shows it. */
  readonly VITE_BUILD_LABEL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
