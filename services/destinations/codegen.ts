import { subgraphCallsCodegen } from '@waymark/codegen';

// This subgraph's calls to the pupils and employers subgraphs, each typed from that subgraph's committed schema.graphql.
const pupils = subgraphCallsCodegen({
  subgraph: 'pupils',
  documents: ['src/modules/external/pupils.graphql', 'src/modules/sync/pupils-sharing.graphql'],
  output: 'src/modules/external/pupils.generated.ts',
});
const employers = subgraphCallsCodegen({
  subgraph: 'employers',
  documents: ['src/modules/external/employers.graphql'],
  output: 'src/modules/external/employers.generated.ts',
});

export default {
  overwrite: true,
  ignoreNoDocuments: false,
  pluginLoader: pupils.pluginLoader,
  generates: Object.fromEntries(
    [pupils, employers].flatMap((config) =>
      Object.entries(config.generates).map(([output, target]) => [output, { ...target, schema: config.schema, documents: config.documents }]),
    ),
  ),
};
