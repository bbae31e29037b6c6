import { subgraphCallsCodegen } from '@waymark/codegen';

// This subgraph's calls to the encounters and pupils subgraphs, each typed from that subgraph's committed schema.graphql.
const encounters = subgraphCallsCodegen({
  subgraph: 'encounters',
  documents: ['src/modules/external/encounters.graphql'],
  output: 'src/modules/external/encounters.generated.ts',
});
const pupils = subgraphCallsCodegen({
  subgraph: 'pupils',
  documents: ['src/modules/placement/pupils.graphql'],
  output: 'src/modules/placement/pupils.generated.ts',
});

export default {
  overwrite: true,
  ignoreNoDocuments: false,
  pluginLoader: encounters.pluginLoader,
  generates: Object.fromEntries(
    [encounters, pupils].flatMap((config) =>
      Object.entries(config.generates).map(([output, target]) => [output, { ...target, schema: config.schema, documents: config.documents }]),
    ),
  ),
};
