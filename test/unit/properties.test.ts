// The emitters' property suites (test/properties/) also run in plain `npm test`, with
// HACC_PROPERTY_RUNS runs each (default 200, and a tenth of that, 20, for setup.sh through bash,
// which starts bash and the pcs stubs for every case); `npm run test:properties` with 1000 is the
// long run.
import '../properties/cib.test.js';
import '../properties/setup-script.test.js';
import '../properties/shell-quoting.test.js';
