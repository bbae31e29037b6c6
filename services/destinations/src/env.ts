import { readServiceEnv, type ServiceEnv } from '@waymark/subgraph-kit';

export const DEFAULT_PUPILS_URL = 'http://127.0.0.1:4102/graphql';

export interface DestinationsEnv extends ServiceEnv {
  pupilsUrl: string;
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): DestinationsEnv {
  const pupilsUrl = source.WAYMARK_PUPILS_URL || DEFAULT_PUPILS_URL;
  const problem = isHttpUrl(pupilsUrl) ? null : `WAYMARK_PUPILS_URL must be an http(s) URL, got "${pupilsUrl}"`;
  let base: ServiceEnv;
  try {
    base = readServiceEnv(source, { port: 4105 });
  } catch (error) {
    // List this problem with the kit's, rather than one at a time.
    throw problem ? new Error(`${(error as Error).message}\n  - ${problem}`) : error;
  }
  if (problem) throw new Error(`Invalid configuration:\n  - ${problem}`);
  return { ...base, pupilsUrl };
}
