import type { CodegenConfig } from '@graphql-codegen/cli';

export declare const SHARED_FRAGMENTS: { readonly mutationError: string; readonly journey: string };

export declare function portalCodegen(options: { documents: string[]; fragments?: string[]; output?: string }): CodegenConfig;

export declare function subgraphCallsCodegen(options: { subgraph: string; documents: string[]; output: string }): CodegenConfig;
