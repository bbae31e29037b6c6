'use strict';
// GraphQL Code Generator's custom loader for the committed supergraph: its API schema.
module.exports = (path) => require('./schemas.cjs').supergraphApiSchema(path);
