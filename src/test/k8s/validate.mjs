// Reads kustomize output (a multi-document YAML stream) on stdin and validates every object with the
// schema of its apiVersion and kind: the Kubernetes API's own (kubernetes-models, generated from the
// API server's OpenAPI document), CloudNativePG's CRDs and prometheus-operator's CRDs. An object of
// a kind none of them knows is an error too, so nothing goes unchecked. Then the rules a schema
// cannot express (policy.mjs): Pod Security "restricted", probes on the management port, and what the
// overlay named in the first argument promises. Then strictly (strict.mjs): no field the type of its
// object does not declare. Prints one line per object, per broken rule and per unknown field.
import { parseAllDocuments } from "yaml";
import { brokenRules } from "./policy.mjs";
import { strictProblems } from "./strict.mjs";

const modules = {
  "postgresql.cnpg.io/": "@kubernetes-models/cloudnative-pg/",
  "monitoring.coreos.com/": "@kubernetes-models/prometheus-operator/",
};

function modulePath(apiVersion) {
  for (const [group, module] of Object.entries(modules)) {
    if (apiVersion.startsWith(group)) return module + apiVersion;
  }
  return apiVersion.includes("/") ? `kubernetes-models/${apiVersion}` : `kubernetes-models/${apiVersion}`;
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
const docs = parseAllDocuments(input);
let failures = 0;
let checked = 0;
const objects = [];
const typed = [];
for (const doc of docs) {
  if (doc.errors.length) {
    console.log(`YAML error: ${doc.errors[0].message}`);
    failures++;
    continue;
  }
  const object = doc.toJS();
  if (object == null) continue;
  objects.push(object);
  const name = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
  let model;
  try {
    model = (await import(modulePath(object.apiVersion)))[object.kind];
  } catch (e) {
    model = undefined;
  }
  if (typeof model !== "function") {
    console.log(`UNKNOWN ${name}: no schema for this apiVersion and kind`);
    failures++;
    continue;
  }
  typed.push({ label: name, module: `${modulePath(object.apiVersion)}/${object.kind}`, name: `I${object.kind}`, object });
  try {
    new model(object).validate();
    console.log(`ok ${name}`);
    checked++;
  } catch (e) {
    console.log(`INVALID ${name}: ${e.message}`);
    failures++;
  }
}
for (const rule of brokenRules(process.argv[2] ?? "base", objects)) {
  console.log(`RULE ${rule}`);
  failures++;
}
for (const problem of strictProblems(typed)) {
  console.log(`UNKNOWN FIELD ${problem}`);
  failures++;
}
console.log(`${checked} valid, ${failures} invalid or against a rule`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
