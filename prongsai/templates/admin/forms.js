// The editors' forms (prongsai/admin.py): starts Decap CMS with the generated configuration
// and makes what a form saves a file the validator accepts, as an editor would have typed it
// and as the rest of data/ reads:
//   - YAML written by the yaml package (yaml.js, eemeli/yaml, pinned in package.json) with the
//     layout of the hand-written files: no line folded, text of several lines as a "|" block,
//     a blank line between the records of a list, and the "# yaml-language-server" line first
//     (editors' tools also find the schema through .vscode/settings.json, without it);
//   - no empty values: Decap keeps "" for a box that was emptied, and empty groups and lists;
//     the validator refuses an empty text ("ลบหัวข้อนี้ออกถ้าไม่ใช้"), so the key is left out;
//   - fields in the order of the form (the model's order), at every level, so that a saved
//     file reads like the guide and a pull request shows only what changed.
(function () {
  "use strict";

  function isKeyed(v) { return v && v["@@__IMMUTABLE_KEYED__@@"] === true; }
  function isList(v) { return v && v["@@__IMMUTABLE_LIST__@@"] === true; }

  function isEmpty(v) {
    if (v === null || v === undefined) return true;
    if (typeof v === "string") return v.trim() === "";
    if (isKeyed(v) || isList(v)) return v.size === 0;
    return false;
  }

  // fields: the form's field list for a group, or null for a list of plain values
  function tidy(value, fields, field) {
    if (isKeyed(value)) {
      var order = {};
      var sub = {};
      (fields || []).forEach(function (f, i) { order[f.name] = i; sub[f.name] = f; });
      return value
        .map(function (v, k) { return tidy(v, sub[k] && sub[k].fields, sub[k] && sub[k].field); })
        .filter(function (v) { return !isEmpty(v); })
        .sortBy(function (v, k) { return k in order ? order[k] : 1e6; });
    }
    if (isList(value)) {
      return value
        .map(function (v) { return field ? tidy(v, field.fields, field.field) : tidy(v, fields, null); })
        .filter(function (v) { return !isEmpty(v); });
    }
    return value;
  }

  function formOf(config, entry) {
    var collection = config.collections.filter(function (c) { return c.name === entry.get("collection"); })[0];
    if (!collection) return null;
    var file = (collection.files || []).filter(function (f) { return f.name === entry.get("slug"); })[0];
    return file ? file.fields : collection.fields;
  }

  // data/years/2569/rounds/r6m.yml -> ../../../../schema/round.schema.json
  function header(schemaName, path) {
    var depth = path.split("/").length - 1;
    var rel = new Array(depth + 1).join("../") + "schema/" + schemaName + ".schema.json";
    return "# yaml-language-server: $schema=" + rel + "\n\n";
  }

  // blank lines where the hand-written files have them: between the records of a top-level
  // list, and around the top-level texts of several lines and the lists
  function spaceOut(doc) {
    var pairs = window.YAML.isMap(doc.contents) ? doc.contents.items : [];
    var roomy = function (v) {
      return window.YAML.isSeq(v) || (window.YAML.isScalar(v) && typeof v.value === "string" && v.value.indexOf("\n") >= 0);
    };
    pairs.forEach(function (pair, i) {
      if (i > 0 && window.YAML.isNode(pair.key) && (roomy(pair.value) || roomy(pairs[i - 1].value))) pair.key.spaceBefore = true;
      if (window.YAML.isSeq(pair.value)) {
        pair.value.items.forEach(function (item, j) {
          if (j > 0 && window.YAML.isMap(item)) item.spaceBefore = true;
        });
      }
    });
  }

  function format(schemaName, path) {
    var top = header(schemaName, path);
    return {
      fromFile: function (content) { return window.YAML.parse(content) || {}; },
      toFile: function (data) {
        var doc = new window.YAML.Document(data);
        if (schemaName !== "measure") spaceOut(doc); // a measure's file is one record, written without blank lines
        return top + doc.toString({ lineWidth: 0, blockQuote: "literal" });
      },
    };
  }

  fetch("config.json", { cache: "no-store" })
    .then(function (response) { return response.json(); })
    .then(function (config) {
      config.collections.forEach(function (c) {
        // a file of the collection, for the depth of the schema's path (a folder's: one measure)
        var path = c.folder ? c.folder + "/x.yml" : ((c.files || [])[0] || {}).file;
        if (path) window.CMS.registerCustomFormat(c.format, "yml", format(c.format.replace(/^prongsai-/, ""), path));
      });
      window.CMS.registerEventListener({
        name: "preSave",
        handler: function (event) {
          var fields = formOf(config, event.entry);
          return fields ? tidy(event.entry.get("data"), fields, null) : undefined;
        },
      });
      window.CMS.init({ config: config });
    });
})();
