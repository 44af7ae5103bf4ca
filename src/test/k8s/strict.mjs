// Strict check: the schemas validate.mjs checks accept fields they do not know (the Kubernetes OpenAPI document
// does not close its objects), so a misspelt `replicaz` or a field at the wrong level would pass and
// be dropped silently by the API server. The same packages ship TypeScript types of every object;
// the TypeScript compiler refuses an object literal with a property its type does not declare
// ("excess property check"), at any depth. Each object becomes one typed constant. The compiler names
// the unknown field and the type that lacks it, but stops at the first one in an object literal and
// its parents: a manifest with several typos fails on the first, and the next run shows the next.
import ts from "typescript";

/**
 * entries: [{label, module, name, object}], `name` the interface exported by `module`.
 * Returns one sentence per unknown or mistyped field, naming the object.
 */
export function strictProblems(entries) {
  const lines = [];
  entries.forEach((e, i) => {
    lines.push(`import type { ${e.name} as T${i} } from "${e.module}";`);
  });
  // One object per block of lines; starts[i] is the first line of object i, to name it in a message.
  const starts = [];
  let line = lines.length;
  entries.forEach((e, i) => {
    const block = `export const o${i}: T${i} = ${JSON.stringify(e.object, null, 1)};`;
    starts.push(line);
    lines.push(block);
    line += block.split("\n").length;
  });
  const source = lines.join("\n");
  const file = "manifests.ts";
  const options = {
    noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile;
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, source, version) : read.call(host, name, version, ...rest);
  const exists = host.fileExists;
  host.fileExists = (name) => name === file || exists.call(host, name);
  const program = ts.createProgram([file], options, host);
  const problems = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
    if (d.file?.fileName !== file) {
      problems.push(`type check: ${text}`);
      continue;
    }
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    let index = 0;
    while (index + 1 < starts.length && starts[index + 1] <= line) index++;
    problems.push(`${entries[index].label}: ${text.replace(/'"([^"]+)"'/g, "'$1'").replace(/\bT\d+\b/g, entries[index].name)}`);
  }
  return problems;
}
