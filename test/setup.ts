// The SDK's notice that future releases will need Node 22 is not about any test; keep test output readable.
import '../src/cli/quiet-warnings.js';
