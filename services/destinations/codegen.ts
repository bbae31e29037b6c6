import { subgraphCallsCodegen } from '@waymark/codegen';

// This subgraph's calls to the pupils subgraph, typed from its committed schema.graphql.
export default subgraphCallsCodegen({ subgraph: 'pupils', documents: ['src/**/*.graphql'], output: 'src/modules/external/pupils.generated.ts' });
