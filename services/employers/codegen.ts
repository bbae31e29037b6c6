import { subgraphCallsCodegen } from '@waymark/codegen';

// This subgraph's calls to the encounters subgraph, typed from its committed schema.graphql.
export default subgraphCallsCodegen({ subgraph: 'encounters', documents: ['src/**/*.graphql'], output: 'src/modules/external/encounters.generated.ts' });
