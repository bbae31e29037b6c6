import { subgraphCallsCodegen } from '@waymark/codegen';

// The kit's calls to the pupils subgraph, typed from its committed schema.graphql.
export default subgraphCallsCodegen({ subgraph: 'pupils', documents: ['src/**/*.graphql'], output: 'src/pupils-calls.generated.ts' });
