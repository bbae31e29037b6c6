import { portalCodegen } from '@waymark/codegen';

// Typed documents for the client's own `{ me }`, from the committed supergraph.
export default portalCodegen({ documents: ['src/**/*.graphql'] });
