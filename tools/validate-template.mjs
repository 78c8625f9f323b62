// Validates template.yaml offline with AWS's own validator (it runs the SAM transform).
// Exits non-zero on any error-level finding, so .ci/run fails on a broken template.
import { RegoEngine, TemplateFile } from "@aws/cloudformation-validate";

const path = process.argv[2] ?? "template.yaml";
const engine = new RegoEngine();
let errors = 0;
try {
  const report = engine.validateStandard(new TemplateFile(path), {
    parameterOverrides: { PageTokenSecret: "validate-only-secret-0123456789abcdef" },
  });
  for (const d of report.diagnostics) {
    const where = [d.resource, d.property].filter(Boolean).join(".");
    console.log(`[${d.severity}] ${d.ruleId} ${where}: ${d.message}`);
    if (["error", "fatal"].includes(String(d.severity).toLowerCase())) errors++;
  }
  console.log(`template validation: ${report.diagnostics.length} finding(s), ${errors} error(s) in ${path}`);
} finally {
  engine.free();
}
process.exit(errors > 0 ? 1 : 0);
