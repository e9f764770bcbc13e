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
//     file reads like the guide;
//   - a step written as its text alone ("- ๑. แจ้งเวียน") stays so: a record that may be its
//     text alone (a field marked "as_text" in config.json, prongsai/forms.py) is read into the
//     form as {text: ...} and written back as the text when nothing else of it is filled in;
//   - a number written in Thai digits ("percent: ๕๐") is shown in its number box (as 50) and
//     stays written so unless the editor changes it;
//   - the file as it was wherever the editor changed nothing: the form's values are laid over
//     the file's own YAML document (its comments, blank lines, flow lists, quotes, Thai digits
//     kept), a file saved unchanged is saved byte for byte, and a pull request shows only what
//     the editor changed. A result that would not read back as the form's values is written
//     afresh instead.
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
  // list, and around the top-level texts of several lines and the lists (only for what the
  // form adds to a file: ``fresh(node)``, or everything when the file is written afresh)
  function spaceOut(doc, fresh) {
    var pairs = window.YAML.isMap(doc.contents) ? doc.contents.items : [];
    var roomy = function (v) {
      return window.YAML.isSeq(v) || (window.YAML.isScalar(v) && typeof v.value === "string" && v.value.indexOf("\n") >= 0);
    };
    pairs.forEach(function (pair, i) {
      if (i > 0 && fresh(pair) && window.YAML.isNode(pair.key) && (roomy(pair.value) || roomy(pairs[i - 1].value))) pair.key.spaceBefore = true;
      if (window.YAML.isSeq(pair.value)) {
        pair.value.items.forEach(function (item, j) {
          if (j > 0 && fresh(item) && window.YAML.isMap(item)) item.spaceBefore = true;
        });
      }
    });
  }

  function plain(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

  // 50 for "๕๐" or "50"; anything else as it is
  function asNumber(v) {
    if (typeof v !== "string" || !/^\s*[0-9๐-๙]+(\.[0-9๐-๙]+)?\s*$/.test(v)) return v;
    return Number(v.trim().replace(/[๐-๙]/g, function (d) { return String(THAI_DIGITS.indexOf(d)); }));
  }

  // the same value: "๕๐" in the file is the 50 of the form
  function equal(a, b) {
    if (typeof a !== typeof b && (typeof a === "number" || typeof b === "number")) return asNumber(a) === asNumber(b);
    if (Array.isArray(a) || Array.isArray(b)) {
      return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every(function (x, i) { return equal(x, b[i]); });
    }
    if (plain(a) || plain(b)) {
      if (!plain(a) || !plain(b)) return false;
      var ka = Object.keys(a), kb = Object.keys(b);
      return ka.length === kb.length && ka.every(function (k) { return k in b && equal(a[k], b[k]); });
    }
    return a === b;
  }

  function js(node) { return window.YAML.isNode(node) ? node.toJSON() : node; }
  function keyOf(pair) { return String(window.YAML.isScalar(pair.key) ? pair.key.value : pair.key); }

  // ``node`` (of the file's document) made to hold ``value``; what it creates goes into ``made``
  function lay(doc, node, value, made) {
    var Y = window.YAML;
    if (node && equal(js(node), value)) return node;
    if (Y.isMap(node) && plain(value)) {
      var keys = Object.keys(value);
      var old = {};
      node.items.forEach(function (p) { old[keyOf(p)] = true; });
      // the file's keys in the file's order; a key the form adds goes after the one before it in the form
      var items = node.items.filter(function (p) { return keyOf(p) in value; });
      items.forEach(function (p) { p.value = lay(doc, p.value, value[keyOf(p)], made); });
      keys.forEach(function (k, i) {
        if (old[k]) return;
        var pair = doc.createPair(k, value[k]);
        made.add(pair);
        var at = -1;
        for (var j = i - 1; j >= 0 && at < 0; j--) {
          at = items.findIndex(function (p) { return keyOf(p) === keys[j]; });
        }
        items.splice(at + 1, 0, pair);
      });
      node.items = items;
      return node;
    }
    if (Y.isSeq(node) && Array.isArray(value)) {
      var olds = node.items, out = [], i = 0;
      value.forEach(function (v, j) {
        var later = -1;
        for (var k = i; k < olds.length && later < 0; k++) if (equal(js(olds[k]), v)) later = k;
        if (later >= 0) {  // as it was (the items before it were removed)
          out.push(olds[later]);
          i = later + 1;
        } else if (i < olds.length && !(j + 1 < value.length && equal(js(olds[i]), value[j + 1]))) {
          out.push(lay(doc, olds[i], v, made));  // changed
          i += 1;
        } else {  // added
          var item = doc.createNode(v);
          made.add(item);
          out.push(item);
        }
      });
      node.items = out;
      return node;
    }
    if (Y.isScalar(node) && !plain(value) && !Array.isArray(value)) {
      node.value = value;
      node.type = undefined;  // a changed value gets the style its text needs (a "|" block for several lines)
      return node;
    }
    var fresh = doc.createNode(value);
    made.add(fresh);
    return fresh;
  }

  // records that may be their text alone (``field.as_text``): "read" makes a text the record
  // {<as_text>: text}, "write" makes a record with nothing but that field its text again
  function textAlone(value, key, way) {
    if (way === "read") return typeof value === "string" || typeof value === "number" ? { [key]: value } : value;
    return plain(value) && Object.keys(value).length === 1 && key in value ? value[key] : value;
  }

  function reshape(record, fields, way) {
    if (!plain(record)) return record;
    (fields || []).forEach(function (f) {
      if (!(f.name in record)) return;
      var numbers = way === "read" && (f.widget === "number" || (f.field && f.field.widget === "number"));
      if (numbers) record[f.name] = Array.isArray(record[f.name]) ? record[f.name].map(asNumber) : asNumber(record[f.name]);
      if (!f.fields) return;
      var one = function (v) {
        if (f.as_text && way === "read") v = textAlone(v, f.as_text, way);
        v = reshape(v, f.fields, way);
        return f.as_text && way === "write" ? textAlone(v, f.as_text, way) : v;
      };
      var value = record[f.name];
      record[f.name] = f.widget === "list" && Array.isArray(value) ? value.map(one) : f.widget === "list" ? value : one(value);
    });
    return record;
  }

  // "covers: 2567  # ..." stays so: the yaml package writes one space before a comment
  function keepCommentSpacing(text, original) {
    var spaced = {};
    original.split("\n").forEach(function (line) {
      var m = /^(.*\S)\s{2,}(#.*)$/.exec(line);
      if (m) spaced[m[1] + " " + m[2]] = line;
    });
    return text.split("\n").map(function (line) { return spaced[line] || line; }).join("\n");
  }

  var OPTIONS = { lineWidth: 0, blockQuote: "literal", flowCollectionPadding: false };

  function format(schemaName, path, fields, pending) {
    var top = header(schemaName, path);
    var spaced = schemaName !== "measure";  // a measure's file is one record, written without blank lines
    var afresh = function (data) {
      var doc = new window.YAML.Document(data);
      if (spaced) spaceOut(doc, function () { return true; });
      return top + doc.toString(OPTIONS);
    };
    return {
      fromFile: function (content) { return reshape(window.YAML.parse(content) || {}, fields, "read"); },
      toFile: function (data) {
        data = reshape(data, fields, "write");
        var raw = pending.raw;  // the file as it was read (set by the preSave listener)
        pending.raw = null;
        if (!raw) return afresh(data);
        var doc = window.YAML.parseDocument(raw);
        if (equal(doc.toJSON(), data)) return raw;
        var made = new Set();
        doc.contents = lay(doc, doc.contents, data, made);
        if (spaced) spaceOut(doc, function (node) { return made.has(node); });
        var text = keepCommentSpacing(doc.toString(OPTIONS), raw);
        if (text.indexOf("# yaml-language-server:") !== 0) text = top + text;
        return equal(window.YAML.parse(text), data) ? text : afresh(data);
      },
    };
  }

  fetch("config.json", { cache: "no-store" })
    .then(function (response) { return response.json(); })
    .then(function (config) {
      var pending = {};
      config.collections.forEach(function (c) {
        // a file of the collection, for the depth of the schema's path (a folder's: one measure);
        // collections of one format (every year's measures) share its slot and fields
        var first = (c.files || [])[0] || {};
        var path = c.folder ? c.folder + "/x.yml" : first.file;
        if (!path || pending[c.format]) return;
        pending[c.format] = { raw: null };
        var schemaName = c.format.replace(/^prongsai-/, "");
        window.CMS.registerCustomFormat(c.format, "yml", format(schemaName, path, c.folder ? c.fields : first.fields, pending[c.format]));
      });
      window.CMS.registerEventListener({
        name: "preSave",
        handler: function (event) {
          // Decap writes the file (the format's toFile) right after this listener
          var collection = config.collections.filter(function (c) { return c.name === event.entry.get("collection"); })[0];
          var slot = collection && pending[collection.format];
          if (slot) slot.raw = event.entry.get("raw") || null;
          var fields = formOf(config, event.entry);
          return fields ? tidy(event.entry.get("data"), fields, null) : undefined;
        },
      });
      window.CMS.init({ config: config });
    });
})();
