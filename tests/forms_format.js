// The forms' save (prongsai/templates/admin/forms.js) run in Node, without a browser: reads
// {"config": <admin/config.json>, "cases": [{"collection", "slug", "raw", "set": [[path, value], ...]}]}
// on stdin, and for each case reads "raw" as Decap would (the format's fromFile), sets the
// values at the paths (a path is a list of keys and list positions; a value of null removes
// the key) and saves (the preSave listener, then the format's toFile). Prints, as a JSON list,
// {"read": what the form shows, "saved": the saved text} of each case. Used by tests/test_admin.py.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const root = path.resolve(__dirname, "..");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const formats = {};
const listeners = [];
const sandbox = {
  fetch: () => Promise.resolve({ json: () => Promise.resolve(input.config) }),
  Set,
};
sandbox.window = sandbox;
sandbox.CMS = {
  registerCustomFormat: (name, ext, format) => { formats[name] = format; },
  registerEventListener: (listener) => listeners.push(listener),
  init: () => run(),
};
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(path.join(root, "prongsai/vendor/yaml/yaml.js"), "utf8"), sandbox);
vm.runInContext(fs.readFileSync(path.join(root, "prongsai/templates/admin/forms.js"), "utf8"), sandbox);

function entry(fields) {
  return { get: (key) => fields[key] };
}

function run() {
  const out = input.cases.map((c) => {
    const collection = input.config.collections.find((x) => x.name === c.collection);
    const format = formats[collection.format];
    const data = format.fromFile(c.raw);
    const read = JSON.parse(JSON.stringify(data));
    for (const [where, value] of c.set || []) {
      let node = data;
      where.slice(0, -1).forEach((k) => { node = node[k]; });
      const last = where[where.length - 1];
      if (value === null) delete node[last];
      else node[last] = value;
    }
    const fields = { collection: c.collection, slug: c.slug, raw: c.raw, data };
    let saved = data;
    listeners.filter((l) => l.name === "preSave").forEach((l) => { saved = l.handler({ entry: entry(fields) }) || saved; });
    return { read, saved: format.toFile(saved) };
  });
  process.stdout.write(JSON.stringify(out));
}
