import { portalCodegen, SHARED_FRAGMENTS } from '@waymark/codegen';

// Typed documents for this portal from the committed supergraph (frontends/README.md, "GraphQL documents").
export default portalCodegen({ documents: ['src/**/*.graphql'], fragments: [SHARED_FRAGMENTS.mutationError, SHARED_FRAGMENTS.journey] });
