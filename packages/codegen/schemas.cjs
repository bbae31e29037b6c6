'use strict';
// Schema loaders for GraphQL Code Generator (`schema: { '<file>': { loader: '<this folder>/<loader>.cjs' } }`).
// CommonJS on purpose: the code generator and Apollo's federation libraries then share one graphql
// instance, so the schema built here is one the generator can read.
const { readFileSync } = require('node:fs');
const { parse } = require('graphql');
const { Supergraph } = require('@apollo/federation-internals');
const { buildSubgraphSchema } = require('@apollo/subgraph');

/**
 * What clients of the gateway see: the committed supergraph's API schema, without the join__
 * machinery or anything @inaccessible (a portal can never ask for a subgraph-to-subgraph field).
 */
function supergraphApiSchema(path) {
  return Supergraph.build(readFileSync(path, 'utf8')).apiSchema().toGraphQLJSSchema();
}

/**
 * What another subgraph can ask of a subgraph: its committed schema.graphql as the subgraph serves
 * it, @inaccessible fields and the federation fields (`_entities`, `_service`) included.
 */
function subgraphSchema(path) {
  return buildSubgraphSchema({ typeDefs: parse(readFileSync(path, 'utf8')) });
}

module.exports = { supergraphApiSchema, subgraphSchema };
