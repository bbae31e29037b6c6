import { portalCodegen } from '@waymark/codegen';

// Typed documents for this portal from the committed supergraph (frontends/README.md, "GraphQL documents").
export default portalCodegen({ documents: ['src/**/*.graphql'] });
