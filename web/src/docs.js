// The API reference at /docs: Swagger UI (swagger-ui-dist, from npm, bundled here) rendering
// /openapi.yaml. It runs under the same strict CSP as the explorer: its stylesheet is a file, it
// writes styles through CSSOM only, and it needs no eval. "Try it out" is off: the document's servers
// name other origins (port 3000, the deployed API), which connect-src 'self' refuses; curl examples
// are in the README.
import SwaggerUIBundle from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';
import './docs.css';

SwaggerUIBundle({
  url: '/openapi.yaml',
  dom_id: '#swagger',
  // Deep links would put a link inside each operation's toggle button (nested interactive controls).
  deepLinking: false,
  validatorUrl: null,
  supportedSubmitMethods: [],
  defaultModelsExpandDepth: 0,
  docExpansion: 'list',
});
