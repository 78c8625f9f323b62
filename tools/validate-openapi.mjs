// Validates docs/openapi.yaml with @apidevtools/swagger-parser (the OpenAPI 3.0 schema, every $ref resolved, the
// spec's own rules on paths, parameters and operation ids), then holds it to the project's rule for our objects:
// every object schema that lists properties admits no others (additionalProperties: false).
// Exits non-zero on any finding, so the Maven build (OpenApiDocumentTest) and .ci/run fail on a broken document.
import SwaggerParser from "@apidevtools/swagger-parser";

const path = process.argv[2] ?? "docs/openapi.yaml";
const findings = [];
try {
  const api = await SwaggerParser.validate(path);
  const visit = (node, where) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => visit(v, `${where}[${i}]`));
    } else if (node && typeof node === "object") {
      if (node.type === "object" && node.properties && node.additionalProperties !== false) {
        findings.push(`${where}: an object with properties must say additionalProperties: false`);
      }
      for (const [k, v] of Object.entries(node)) {
        visit(v, `${where}/${k}`);
      }
    }
  };
  // the parsed document before dereferencing: each schema is reported once, where it is written
  visit((await SwaggerParser.parse(path)).components, "#/components");
  console.log(`openapi validation: ${api.info.title} ${api.openapi}, ${Object.keys(api.paths).length} paths, `
    + `${findings.length} finding(s) in ${path}`);
} catch (e) {
  findings.push(e.message);
}
findings.forEach((f) => console.log(`[error] ${f}`));
process.exit(findings.length > 0 ? 1 : 0);
