/* prongsai: Thai search on the search page (/search/?q=...).
 *
 * The index (search/th-index.json) is made at build time by prongsai/search.py, which cuts
 * Thai text into words with PyThaiNLP's newmm. Here the query is cut into the same words:
 *   1. normalise() exactly as search.py does (NFC, lower case, Thai digits as Arabic ...);
 *   2. a Thai run the index knows as one word stays whole; otherwise it is cut into index
 *      words by maximal matching over the index's own vocabulary (fewest words, as newmm
 *      does), the last piece allowed to be the start of a word (someone still typing);
 *   3. what the vocabulary cannot cut is cut by the browser's Intl.Segmenter('th'), and a
 *      piece still unknown matches the index words that contain it.
 * Each query word must be found in a page (all words; if no page has all of them, the
 * pages with most of them); a word also matches the longer index words that start with or
 * contain it (ปีงบประมาณ for งบประมาณ), at a lower weight. Scores add the weight of
 * where the word is on the page (title, heading, text) times its rarity; a page whose
 * title contains the whole query comes first (the more of the title the query is, the
 * higher), and of pages alike the newer year first.
 * Plain ES2020, no dependencies, no build step: what is published is what is read here.
 */
(function () {
  "use strict";

  var form = document.querySelector("form.ps-search-page");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("ps-search-status");
  var list = document.getElementById("ps-search-results");
  var thaiNumerals = form.getAttribute("data-numerals") === "thai";
  var MAX_RESULTS = 50;

  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
  var WORD = /[a-z0-9]+(?:\.[a-z0-9]+)*|[\u0e01-\u0e4e]+/g;
  var THAI_RUN = /^[\u0e01-\u0e4e]+$/;
  var THAI_LETTER = /[\u0e01-\u0e2e]/;
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("th", { granularity: "word" }) : null;

  function normalise(text) {
    return text
      .normalize("NFC")
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
      .replace(/\u0e4d\u0e32/g, "\u0e33")
      .toLowerCase()
      .replace(/[๐-๙]/g, function (d) { return String(THAI_DIGITS.indexOf(d)); });
  }

  function shown(n) {
    var s = String(n);
    return thaiNumerals ? s.replace(/[0-9]/g, function (d) { return THAI_DIGITS[+d]; }) : s;
  }

  // --- the index ----------------------------------------------------------------------

  var index = null; // {docs, terms, vocab}

  function load() {
    if (index) return Promise.resolve(index);
    return fetch(form.getAttribute("data-index"))
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      })
      .then(function (data) {
        index = { docs: data.docs, terms: data.terms, vocab: Object.keys(data.terms) };
        index.has = function (w) { return Object.prototype.hasOwnProperty.call(index.terms, w); };
        index.maxLen = index.vocab.reduce(function (m, w) { return Math.max(m, w.length); }, 0);
        var years = data.docs.map(function (d) { return d[4]; }).filter(Boolean);
        index.minYear = Math.min.apply(null, years);
        index.maxYear = Math.max.apply(null, years);
        return index;
      });
  }

  // --- the query as index words ---------------------------------------------------------

  function startsSome(piece) {
    for (var i = 0; i < index.vocab.length; i++) if (index.vocab[i].startsWith(piece)) return true;
    return false;
  }

  // Maximal matching over the vocabulary: fewest pieces; the last may be a word's start.
  function cut(run) {
    var n = run.length;
    var best = new Array(n + 1).fill(null);
    best[0] = { cost: 0, pieces: [] };
    for (var i = 0; i < n; i++) {
      if (!best[i]) continue;
      for (var j = i + 1; j <= Math.min(n, i + index.maxLen); j++) {
        var piece = run.slice(i, j);
        var kind = index.has(piece) ? "word" : j === n && startsSome(piece) ? "prefix" : null;
        if (!kind) continue;
        var cost = best[i].cost + (kind === "word" ? 1 : 1.5);
        if (!best[j] || cost < best[j].cost) best[j] = { cost: cost, pieces: best[i].pieces.concat([[piece, kind]]) };
      }
    }
    return best[n] ? best[n].pieces : null;
  }

  function queryPieces(query) {
    var out = [];
    var words = normalise(query).match(WORD) || [];
    words.forEach(function (w) {
      if (!THAI_RUN.test(w)) return out.push([w, index.has(w) ? "word" : "prefix"]);
      if (!THAI_LETTER.test(w)) return;
      var pieces = index.has(w) ? [[w, "word"]] : cut(w);
      if (pieces) return (out = out.concat(pieces));
      // The vocabulary cannot cut it (a word no page has, a typo): the browser's segmenter.
      var parts = segmenter ? Array.from(segmenter.segment(w), function (s) { return s.segment; }) : [w];
      parts.forEach(function (p) {
        if (!THAI_LETTER.test(p)) return;
        out = out.concat(cut(p) || [[p, "contains"]]);
      });
    });
    return out;
  }

  // The index words one query piece stands for, each with how closely it matches.
  function expand(piece) {
    var text = piece[0];
    var found = [];
    if (piece[1] === "word") found.push([text, 1]);
    if (text.length < 2 && piece[1] === "word") return found;
    index.vocab.forEach(function (w) {
      if (w === text) return;
      if (w.startsWith(text)) found.push([w, 0.8]);
      else if (text.length >= 2 && w.indexOf(text) > 0) found.push([w, 0.6]);
    });
    return found;
  }

  function search(query) {
    var pieces = queryPieces(query);
    if (!pieces.length) return [];
    var n = index.docs.length;
    var scores = new Map(); // doc -> [score, clauses matched]
    pieces.forEach(function (piece) {
      var best = new Map();
      expand(piece).forEach(function (pair) {
        var postings = index.terms[pair[0]];
        var idf = Math.log(1 + n / (postings.length / 2));
        for (var i = 0; i < postings.length; i += 2) {
          var s = (postings[i + 1] / 10) * idf * pair[1];
          if (s > (best.get(postings[i]) || 0)) best.set(postings[i], s);
        }
      });
      best.forEach(function (s, doc) {
        var cur = scores.get(doc) || [0, 0];
        scores.set(doc, [cur[0] + s, cur[1] + 1]);
      });
    });
    var phrase = normalise(query).replace(/\s+/g, "");
    var span = index.maxYear - index.minYear || 1;
    var all = Array.from(scores.entries()).map(function (e) {
      var doc = index.docs[e[0]];
      var title = normalise(doc[1]).replace(/\s+/g, "");
      var inTitle = title.indexOf(phrase) >= 0 ? 2 + phrase.length / title.length : 1;
      var recency = doc[4] ? 1 + (0.2 * (doc[4] - index.minYear)) / span : 1.1;
      return { doc: e[0], score: e[1][0] * inTitle * recency, hits: e[1][1] };
    });
    var most = all.reduce(function (m, r) { return Math.max(m, r.hits); }, 0);
    return all
      .filter(function (r) { return r.hits === most; })
      .sort(function (a, b) { return b.score - a.score || a.doc - b.doc; })
      .map(function (r) { return { doc: index.docs[r.doc], partial: most < pieces.length }; });
  }

  // --- the page -------------------------------------------------------------------------

  function show(query) {
    list.textContent = "";
    if (!query.trim()) {
      status.textContent = "พิมพ์คำที่ต้องการค้นหา แล้วกดปุ่มค้นหา";
      return;
    }
    status.textContent = "กำลังค้นหา…";
    load()
      .then(function () {
        var results = search(query);
        if (!results.length) {
          status.textContent = "ไม่พบข้อมูลที่ตรงกับ “" + query + "” ลองใช้คำที่สั้นลงหรือคำอื่นที่มีความหมายใกล้เคียง";
          return;
        }
        status.textContent =
          "พบ " + shown(results.length) + " หน้าสำหรับ “" + query + "”" +
          (results[0].partial ? " (ไม่มีหน้าที่มีครบทุกคำ แสดงหน้าที่มีมากที่สุด)" : "") +
          (results.length > MAX_RESULTS ? " แสดง " + shown(MAX_RESULTS) + " หน้าแรก" : "");
        results.slice(0, MAX_RESULTS).forEach(function (r) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = new URL("../" + r.doc[0], location.href).href;
          a.textContent = r.doc[1];
          li.appendChild(a);
          if (r.doc[2]) {
            var ctx = document.createElement("span");
            ctx.className = "ps-search-context";
            ctx.textContent = r.doc[2];
            li.appendChild(ctx);
          }
          if (r.doc[3]) {
            var p = document.createElement("p");
            p.textContent = r.doc[3];
            li.appendChild(p);
          }
          list.appendChild(li);
        });
      })
      .catch(function () {
        status.textContent = "โหลดข้อมูลสำหรับค้นหาไม่สำเร็จ โปรดลองใหม่อีกครั้ง";
      });
  }

  var query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  var header = document.querySelector(".ps-header-search input[name=q]");
  if (header) header.value = query;
  show(query);

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value;
      history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname);
      show(q);
    }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    show(input.value);
  });

  // Exposed for the tests: the pieces a query is cut into and the ranked URLs.
  window.prongsaiSearch = {
    ready: load,
    pieces: function (q) { return queryPieces(q); },
    urls: function (q) { return search(q).map(function (r) { return r.doc[0]; }); },
  };
})();
