/* prongsai: the print edition of the measures document and of the progress report.
 *
 * Each part of a document is a page of its own (no page carries a whole document: issue 6
 * keeps every page under 40 KB of HTML). This page lists the parts in order; here the
 * browser fetches them from the same site and puts them together into the official
 * document, ready to read straight through or print:
 *   - [data-ps-include=URL] (optionally data-ps-select=CSS) is replaced by that part of the
 *     page at URL (default: its article, without its title and screen-only blocks);
 *   - [data-ps-table=measures|report] (a caption and a list of links to measure pages)
 *     becomes a table whose header is the page's [data-ps-head] table and whose cells are
 *     the [data-ps-field] blocks of each measure page (for the report, those of the round
 *     [data-ps-round]).
 * Without JavaScript, or if a part fails to load, the links stay: each part is readable
 * on its own page. Thai text lives in the page, never here.
 */
(function () {
  "use strict";
  var status = document.querySelector("[data-ps-status]");
  if (!status || !window.fetch || !window.DOMParser) return;
  var pages = {};

  function load(href) {
    var url = new URL(href, location.href);
    url.hash = "";
    var key = url.href;
    if (!pages[key]) {
      pages[key] = fetch(key, { credentials: "same-origin" }).then(function (res) {
        if (!res.ok) throw new Error(res.status + " " + key);
        return res.text();
      }).then(function (text) {
        return { doc: new DOMParser().parseFromString(text, "text/html"), base: key };
      });
    }
    return pages[key];
  }

  // A fragment moved here from another page: its links resolved against that page, its
  // ids and permalinks dropped (they would collide), screen-only blocks left out.
  function adopt(node, base) {
    var copy = document.importNode(node, true);
    if (copy.nodeType !== 1) return copy;  // text
    var DROP = ".headerlink, .ps-screen-only, .ps-updated, .ps-downloads, h1";
    if (copy.matches(DROP)) return document.createDocumentFragment();
    var all = [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("*")));
    all.forEach(function (el) {
      ["href", "src"].forEach(function (attr) {
        var v = el.getAttribute && el.getAttribute(attr);
        if (v && v.charAt(0) !== "#" && !/^[a-z]+:/i.test(v)) el.setAttribute(attr, new URL(v, base).href);
      });
      if (el.removeAttribute) el.removeAttribute("id");
    });
    copy.querySelectorAll(DROP).forEach(function (el) {
      el.remove();
    });
    return copy;
  }

  function include(holder) {
    return load(holder.getAttribute("data-ps-include")).then(function (page) {
      var sel = holder.getAttribute("data-ps-select");
      var found = page.doc.querySelector(sel || "article");
      if (!found) throw new Error("missing " + sel);
      var box = document.createElement("div");
      box.className = "ps-print-included";
      var nodes = sel ? [found] : Array.prototype.slice.call(found.childNodes);
      nodes.forEach(function (n) { box.appendChild(adopt(n, page.base)); });
      holder.replaceWith(box);
    });
  }

  function field(scope, name, base, labelled) {
    var el = scope && scope.querySelector('[data-ps-field="' + name + '"]');
    var out = document.createDocumentFragment();
    if (!el) return out;
    if (labelled) {
      var dt = el.previousElementSibling;
      if (dt && dt.tagName === "DT") {
        var p = document.createElement("p");
        var b = document.createElement("strong");
        b.textContent = dt.textContent + ":";
        p.appendChild(b);
        out.appendChild(p);
      }
    }
    Array.prototype.slice.call(el.childNodes).forEach(function (n) { out.appendChild(adopt(n, base)); });
    return out;
  }

  // The cells of one row, in the order of the header: lists of fields of the measure page
  // (of the round for the report); "#" is the row number, "title" the link itself.
  var COLUMNS = {
    measures: [["#"], ["findings"], ["title", "approach"], ["steps"], ["period"], ["responsible"], ["monitoring"]],
    report: [["title"], ["steps"], ["period"], ["responsible"], ["@status"], ["@output", "@evidence"], ["@outcome"], ["@problems", "@suggestions"]]
  };

  function table(holder) {
    var kind = holder.getAttribute("data-ps-table");
    var round = holder.getAttribute("data-ps-round");
    var head = document.querySelector('[data-ps-head="' + kind + '"] thead');
    var links = Array.prototype.slice.call(holder.querySelectorAll("li > a"));
    return Promise.all(links.map(function (a) { return load(a.getAttribute("href")); })).then(function (found) {
      var wrap = document.createElement("div");
      wrap.className = "ps-table";
      var t = document.createElement("table");
      t.className = kind === "measures" ? "ps-measures" : "ps-report";
      var cap = holder.querySelector(".ps-print-caption");
      if (cap) {
        var c = document.createElement("caption");
        c.textContent = cap.textContent;
        t.appendChild(c);
      }
      if (head) t.appendChild(head.cloneNode(true));
      var body = document.createElement("tbody");
      found.forEach(function (page, i) {
        var tr = document.createElement("tr");
        var scope = page.doc.querySelector("article");
        var roundScope = round ? page.doc.querySelector('[data-ps-round="' + round + '"]') : scope;
        COLUMNS[kind].forEach(function (names) {
          var td = document.createElement("td");
          names.forEach(function (name) {
            if (name === "#") {
              td.className = "ps-num";
              td.textContent = links[i].getAttribute("data-ps-n") || String(i + 1);
            } else if (name === "title") {
              var strong = document.createElement("strong");
              strong.appendChild(adopt(links[i], location.href));
              td.appendChild(strong);
            } else if (name.charAt(0) === "@") {
              td.appendChild(field(roundScope, name.slice(1), page.base, names.length > 1));
            } else {
              td.appendChild(field(scope, name, page.base, false));
            }
          });
          if (!td.childNodes.length) td.textContent = "–";
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      t.appendChild(body);
      wrap.appendChild(t);
      holder.replaceWith(wrap);
    });
  }

  var jobs = [];
  document.querySelectorAll("[data-ps-include]").forEach(function (h) { jobs.push(include(h)); });
  document.querySelectorAll("[data-ps-table]").forEach(function (h) { jobs.push(table(h)); });
  Promise.allSettled(jobs).then(function (results) {
    var failed = results.filter(function (r) { return r.status === "rejected"; }).length;
    results.forEach(function (r) { if (r.status === "rejected" && window.console) console.warn("prongsai-print:", r.reason); });
    document.documentElement.setAttribute("data-ps-print", failed ? "partial" : "ready");
    var msg = status.getAttribute(failed ? "data-ps-failed" : "data-ps-ready");
    if (msg) status.querySelector("p").textContent = msg;
    var label = status.getAttribute("data-ps-print-label");
    if (label && !failed) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button md-button--primary";
      button.textContent = label;
      button.addEventListener("click", function () { window.print(); });
      status.appendChild(button);
    }
  });
})();
