import { usePasswordHashCost } from '@waymark/auth';

// The identity tests sign in, sign up and reset passwords hundreds of times: new hashes use the test
// cost (as the test stacks' identity does, WAYMARK_TEST_CHEAP_PASSWORD_HASHES=1). @waymark/auth's own
// tests check the production cost.
usePasswordHashCost('test');
