export { createGateway, maskError, type Gateway } from './app.js';
export { loadEnv, SUBGRAPHS, DEFAULT_SUBGRAPH_PORTS, type GatewayEnv, type SubgraphName } from './env.js';
