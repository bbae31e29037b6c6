'use strict';
// GraphQL Code Generator's custom loader for a subgraph's committed schema.graphql, as other subgraphs call it.
module.exports = (path) => require('./schemas.cjs').subgraphSchema(path);
