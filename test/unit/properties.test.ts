// The emitters' property suites (test/properties/) also run in plain `npm test`, with
// HACC_PROPERTY_RUNS runs each (default 200); `npm run test:properties` with 1000 is the long run.
import '../properties/cib.test.js';
