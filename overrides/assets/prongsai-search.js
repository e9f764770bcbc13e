/* prongsai: Thai search on the search page (/search/?q=...).
 *
 * The index is made at build time by prongsai/search.py, which cuts Thai text into words
 * with PyThaiNLP's newmm, and is published in pieces so that a phone downloads little:
 *   search/th-index.json        the pages (url, title, year, group) and every word, in order;
 *   search/th/<n>.json          the shards: per word, the pages that have it, how much and in
 *                               which part of their text; per pair of words, the pages that
 *                               have them as they stand together;
 *   search/th/text/<n>-<k>.txt  each page's text in parts, for the snippet around the match.
 * A query fetches the table, the shards of its words and, for each result as it comes into
 * view, the part of its text where the query's rarest word is.
 *
 * The query is cut into the index's words:
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
 * title contains the whole query counts more (the more of the title the query is, the more).
 * The same item in several years (an OIT item and the items that continue it, a measure of
 * the same title) is one result: its page of the current fiscal or ITA year if that page
 * matches about as well, else its best page, with links to its other years; pages of the
 * current year come first, older years after.
 * Plain ES2020, no dependencies, no build step: what is published is what is read here.
 * Everything from the index is put on the page as text (textContent), never as HTML.
 */
(function () {
  "use strict";

  var form = document.querySelector("form.ps-search-page");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("ps-search-status");
  var list = document.getElementById("ps-search-results");
  var more = document.getElementById("ps-search-more");
  var thaiNumerals = form.getAttribute("data-numerals") === "thai";
  var PAGE_SIZE = 10; // results shown at a time (each fetches its page's text for the snippet)
  var FIRST_SNIPPETS = 3; // shown with the results at once: a 360 px screen holds about three
  var SNIPPET = 150; // characters of text around the match
  var MAX_EXPANSIONS = 24; // longer index words one query word may stand for
  var CURRENT = 1.6; // how much more a page of the current year counts
  var PHRASE = 1.5; // how much more a page counts that has the query's words as they stand together
  var CLOSE = 0.25; // a group shows its current (else newest) page if it scores this much of its best

  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
  var WORD = /[a-z0-9]+(?:\.[a-z0-9]+)*|[\u0e01-\u0e4e]+/g;
  var THAI_RUN = /^[\u0e01-\u0e4e]+$/;
  var THAI_LETTER = /[\u0e01-\u0e2e]/;
  var ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("th", { granularity: "word" }) : null;

  function normalise(text) {
    return text
      .normalize("NFC")
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
      .replace(/\u0e4d\u0e32/g, "\u0e33")
      .toLowerCase()
      .replace(/[๐-๙]/g, function (d) { return String(THAI_DIGITS.indexOf(d)); });
  }

  // normalise() of a text that is already NFC, with, per character of the result, where it
  // came from in the text: to find the query's words in a page's text and mark them there.
  function normaliseWithMap(text) {
    var out = "";
    var from = [];
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (ZERO_WIDTH.test(c)) continue;
      if (c === "\u0e4d" && text[i + 1] === "\u0e32") {
        out += "\u0e33";
        from.push(i);
        i++;
        continue;
      }
      var d = THAI_DIGITS.indexOf(c);
      var lower = d >= 0 ? String(d) : c.toLowerCase();
      for (var k = 0; k < lower.length; k++) {
        out += lower[k];
        from.push(i);
      }
    }
    from.push(text.length);
    return { text: out, from: from };
  }

  function shown(n) {
    var s = String(n);
    return thaiNumerals ? s.replace(/[0-9]/g, function (d) { return THAI_DIGITS[+d]; }) : s;
  }

  // --- the index ----------------------------------------------------------------------

  var indexUrl = new URL(form.getAttribute("data-index"), location.href);
  var index = null; // the table: {docs, words, shards, current, version}
  var tableRequest = null;
  var shardRequests = {};
  var textRequests = {};

  function getJSON(url, options) {
    return fetch(url, options).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  function fileUrl(path) {
    return new URL("th/" + path + "?v=" + index.version, indexUrl).href;
  }

  function load() {
    if (!tableRequest) {
      // revalidated on every visit (a host may keep files long): the other files carry its version
      tableRequest = getJSON(indexUrl.href, { cache: "no-cache" }).then(function (data) {
        index = data;
        index.position = new Map(data.words.map(function (w, i) { return [w, i]; }));
        index.has = function (w) { return index.position.has(w); };
        index.maxLen = data.words.reduce(function (m, w) { return Math.max(m, w.length); }, 0);
        index.postings = new Map(); // word -> [page, weight, ...], as shards arrive
        index.members = new Map(); // group -> its pages
        data.docs.forEach(function (d, n) {
          if (!index.members.has(d[3])) index.members.set(d[3], []);
          index.members.get(d[3]).push(n);
        });
        return index;
      });
      tableRequest.catch(function () { tableRequest = null; }); // try again on the next query
    }
    return tableRequest;
  }

  function shardOf(word) {
    var i = index.position.get(word);
    var lo = 0;
    var hi = index.shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (index.shards[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function loadShard(n) {
    if (!shardRequests[n]) {
      shardRequests[n] = getJSON(fileUrl(n + ".json")).then(function (shard) {
        var first = index.shards[n];
        shard.w.forEach(function (postings, k) { index.postings.set(index.words[first + k], postings); });
        Object.keys(shard.p).forEach(function (pair) { pairPages.set(pair, shard.p[pair]); });
        Object.keys(shard.t).forEach(function (pair) { titlePairPages.set(pair, shard.t[pair]); });
      });
      shardRequests[n].catch(function () { delete shardRequests[n]; });
    }
    return shardRequests[n];
  }

  var pairPages = new Map(); // "word word" -> pages, as shards arrive
  var titlePairPages = new Map(); // the same, of the titles

  // The titles of the pages, fetched by year for the results shown.
  var titles = new Map(); // page -> title
  var titleRequests = {};

  function loadTitles(docs) {
    var years = new Set(docs.map(function (n) { return index.docs[n][2]; }));
    return Promise.all(Array.from(years, function (y) {
      if (!titleRequests[y]) {
        titleRequests[y] = getJSON(fileUrl("titles/" + y + ".json")).then(function (found) {
          Object.keys(found).forEach(function (n) { titles.set(+n, found[n]); });
        });
        titleRequests[y].catch(function () { delete titleRequests[y]; });
      }
      return titleRequests[y];
    }));
  }

  function loadWords(words) {
    var wanted = new Set(words.map(shardOf));
    return Promise.all(Array.from(wanted, loadShard));
  }

  var texts = new Map(); // "page-part" -> text, once fetched

  function loadText(doc, chunk) {
    var key = doc + "-" + chunk;
    if (!textRequests[key]) {
      textRequests[key] = fetch(fileUrl("text/" + key + ".txt"))
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.text();
        })
        .then(function (text) {
          texts.set(key, text);
          return text;
        });
      textRequests[key].catch(function () { delete textRequests[key]; });
    }
    return textRequests[key];
  }

  // --- the query as index words ---------------------------------------------------------

  function startsSome(piece) {
    // the words are sorted: the first word not before the piece is the only candidate
    var lo = 0;
    var hi = index.words.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (index.words[mid] < piece) lo = mid + 1;
      else hi = mid;
    }
    return lo < index.words.length && index.words[lo].startsWith(piece);
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

  // The index words one query piece stands for, each with how closely it matches. A word of
  // the index stands for itself: its pages already include those of the longer words that
  // start with it or contain it (search.py adds them). The start of a word (the last piece,
  // still being typed) stands for the words that start with it, next to each other in the
  // sorted vocabulary and so mostly in one shard; a piece the vocabulary cannot cut for the
  // words that contain it. The shortest (closest) first, at most MAX_EXPANSIONS: each may
  // be in a shard of its own to fetch.
  function expand(piece) {
    var text = piece[0];
    if (piece[1] === "word") return [[text, 1]];
    var found = [];
    index.words.forEach(function (w) {
      if (piece[1] === "prefix" ? w.startsWith(text) : w.indexOf(text) > 0) found.push(w);
    });
    found.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
    var factor = piece[1] === "prefix" ? 0.8 : 0.6;
    return found.slice(0, MAX_EXPANSIONS).map(function (w) { return [w, factor]; });
  }

  function isCurrent(doc) {
    if (doc[1] === 1) return doc[2] === index.current[0];
    if (doc[1] === 2) return doc[2] === index.current[1];
    return true; // a page of no year (the home page, about) is always current
  }

  // The years a query names (ปีงบประมาณ ๒๕๖๘, O27 2567): their pages come first instead.
  function askedYears(pieces) {
    var years = new Set(index.docs.map(function (d) { return d[2]; }));
    return pieces.map(function (p) { return /^[0-9]{4}$/.test(p[0]) ? +p[0] : 0; }).filter(function (y) { return y && years.has(y); });
  }

  // "พ.ศ." and spaces left out: ปีงบประมาณ 2568 is in the title ปีงบประมาณ พ.ศ. ๒๕๖๘
  function squeezed(text) {
    return normalise(text).replace(/พ\.ศ\./g, "").replace(/\s+/g, "");
  }

  // Pages ranked for a query, grouped: [{doc, others: [doc, ...], words: [...], partial}].
  function search(query) {
    var pieces = queryPieces(query);
    if (!pieces.length) return Promise.resolve([]);
    var expansions = pieces.map(expand);
    var words = [].concat.apply([], expansions.map(function (e) { return e.map(function (p) { return p[0]; }); }));
    return loadWords(words).then(function () {
      // neighbouring words of the query, neither of them common: is the phrase on a page?
      // (the pairs came with the first word's shard)
      var pairs = [];
      for (var i = 0; i + 1 < pieces.length; i++) {
        var a = pieces[i];
        var b = pieces[i + 1];
        if (a[1] === "word" && b[1] === "word" && rarity(a[0]) > 0 && rarity(b[0]) > 0) pairs.push(a[0] + " " + b[0]);
      }
      return rank(query, pieces, expansions, pairs);
    });
  }

  function rank(query, pieces, expansions, pairs) {
    var n = index.docs.length;
    var scores = new Map(); // doc -> [score, pieces matched, words matched, chunk of the rarest]
    expansions.forEach(function (found) {
      var best = new Map();
      found.forEach(function (pair) {
        var postings = index.postings.get(pair[0]);
        var idf = Math.log(1 + n / (postings.length / 3));
        for (var i = 0; i < postings.length; i += 3) {
          var s = (postings[i + 1] / 10) * idf * pair[1];
          var cur = best.get(postings[i]);
          if (!cur || s > cur[0]) best.set(postings[i], [s, pair[0], postings[i + 2] >> 1, idf, postings[i + 2] & 1]);
        }
      });
      best.forEach(function (sw, doc) {
        var cur = scores.get(doc) || [0, 0, [], 0, -1, 0];
        cur[2].push(sw[1]);
        if (sw[3] > cur[4]) {
          cur[3] = sw[2];
          cur[4] = sw[3];
        }
        scores.set(doc, [cur[0] + sw[0], cur[1] + 1, cur[2], cur[3], cur[4], cur[5] + sw[4]]);
      });
    });
    var phrase = squeezed(query);
    var most = 0;
    scores.forEach(function (v) { most = Math.max(most, v[1]); });
    var together = new Map(); // doc -> how many of the query's pairs it has as they stand
    pairs.forEach(function (pair) {
      (pairPages.get(pair) || []).forEach(function (doc) { together.set(doc, (together.get(doc) || 0) + 1); });
    });
    // the title has the whole query: each of its words, and each two neighbours as they stand
    var titlePairs = [];
    for (var i = 0; i + 1 < pieces.length; i++) {
      if (pieces[i][1] === "word" && pieces[i + 1][1] === "word") titlePairs.push(pieces[i][0] + " " + pieces[i + 1][0]);
    }
    var inTitleTogether = new Map();
    titlePairs.forEach(function (pair) {
      (titlePairPages.get(pair) || []).forEach(function (doc) { inTitleTogether.set(doc, (inTitleTogether.get(doc) || 0) + 1); });
    });
    var matched = new Map(); // doc -> {score, words, chunk}
    scores.forEach(function (v, doc) {
      if (v[1] !== most) return;
      var whole = v[5] === pieces.length && (inTitleTogether.get(doc) || 0) === titlePairs.length;
      var inTitle = whole ? 2 + Math.min(1, phrase.length / Math.max(1, index.docs[doc][4])) : 1;
      var asPhrase = pairs.length ? 1 + (PHRASE * (together.get(doc) || 0)) / pairs.length : 1;
      matched.set(doc, { score: v[0] * inTitle * asPhrase, words: v[2], chunk: v[3] });
    });
    var asked = askedYears(pieces);
    var preferred = asked.length
      ? function (doc) { return asked.indexOf(doc[2]) >= 0; }
      : isCurrent;
    var newest = index.current[0] || 0;
    var groups = new Map();
    matched.forEach(function (m, doc) {
      var g = index.docs[doc][3];
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(doc);
    });
    var results = [];
    groups.forEach(function (docs, g) {
      var best = docs.reduce(function (a, b) { return matched.get(b).score > matched.get(a).score || (matched.get(b).score === matched.get(a).score && b < a) ? b : a; });
      // of its pages that match about as well as its best: the current year's, else the newest
      var close = docs.filter(function (d) { return matched.get(d).score >= CLOSE * matched.get(best).score; });
      close.sort(function (a, b) {
        return preferred(index.docs[b]) - preferred(index.docs[a]) || index.docs[b][2] - index.docs[a][2] || a - b;
      });
      var shownDoc = close[0];
      var doc = index.docs[shownDoc];
      var behind = doc[2] ? Math.max(0, newest - doc[2]) : 0;
      var weight = preferred(doc) ? CURRENT : 1 / (1 + 0.1 * behind);
      var others = index.members.get(g).filter(function (d) { return d !== shownDoc; });
      others.sort(function (a, b) { return index.docs[b][2] - index.docs[a][2]; });
      var m = matched.get(shownDoc);
      results.push({ n: shownDoc, score: matched.get(best).score * weight, others: others, words: m.words, chunk: m.chunk });
    });
    results.sort(function (a, b) { return b.score - a.score || a.n - b.n; });
    return results.map(function (r) {
      return { n: r.n, doc: index.docs[r.n], others: r.others, words: r.words, chunk: r.chunk, score: r.score, partial: most < pieces.length };
    });
  }

  // --- the snippet ----------------------------------------------------------------------

  // How much finding a word says: rare words much, a word on most pages (การ, ที่) nothing.
  function rarity(word) {
    var postings = index.postings.get(word);
    var share = postings ? postings.length / 3 / index.docs.length : 1;
    return share > 0.3 ? 0 : Math.log(1 / share);
  }

  // The part of a page's text around the query's words, as [text, marked] pieces: the
  // window of SNIPPET characters where the query's rarest words are, the words in it marked
  // (touching words as one mark; a common word only next to another word of the query).
  function snippet(text, words) {
    var norm = normaliseWithMap(text);
    var hits = []; // [start, end, word] in the normalised text
    words.forEach(function (w, k) {
      for (var at = norm.text.indexOf(w); at >= 0; at = norm.text.indexOf(w, at + w.length)) hits.push([at, at + w.length, k]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var runs = []; // touching hits as one: [start, end, worth]
    hits.forEach(function (h) {
      var last = runs[runs.length - 1];
      var worth = rarity(words[h[2]]);
      if (last && h[0] <= last[1]) {
        last[1] = Math.max(last[1], h[1]);
        last[2] += worth;
        last[3] += 1;
      } else runs.push([h[0], h[1], worth, 1]);
    });
    runs = runs.filter(function (r) { return r[2] > 0 || r[3] > 1; });
    var start = 0;
    var bestWorth = 0;
    runs.forEach(function (r) {
      var worth = 0;
      runs.forEach(function (o) { if (o[0] >= r[0] && o[1] <= r[0] + SNIPPET) worth += o[2] + 0.01 * o[3]; });
      if (worth > bestWorth) {
        bestWorth = worth;
        start = Math.max(0, r[0] - 40); // a little of what comes before
      }
    });
    var end = Math.min(norm.text.length, start + SNIPPET);
    var from = norm.from[start];
    var to = norm.from[end];
    // begin and end at a space where there is one near, not inside a word
    if (from > 0) {
      var space = text.indexOf(" ", from);
      if (space >= 0 && space < from + 30 && space < to) from = space + 1;
    }
    if (to < text.length) {
      var back = text.lastIndexOf(" ", to);
      if (back > from + SNIPPET / 2) to = back;
    }
    var out = [];
    if (from > 0) out.push(["… ", false]);
    var pos = from;
    runs.forEach(function (r) {
      var a = norm.from[r[0]];
      var b = norm.from[r[1]];
      if (a < pos || b > to) return;
      if (a > pos) out.push([text.slice(pos, a), false]);
      out.push([text.slice(a, b), true]);
      pos = b;
    });
    if (to > pos) out.push([text.slice(pos, to), false]);
    if (to < text.length) out.push([" …", false]);
    return out;
  }

  // --- the page -------------------------------------------------------------------------

  function yearLabel(doc) {
    if (doc[1] === 1) return "ปีงบประมาณ พ.ศ. " + shown(doc[2]);
    if (doc[1] === 2) return "OIT ITA " + shown(doc[2]);
    return "";
  }

  function pageUrl(doc) {
    return new URL("../" + doc[0], location.href).href;
  }

  // A result's text is fetched when the result comes near the screen: a phone downloads
  // the texts of the results it shows, not of the ten on the page.
  var observer =
    typeof IntersectionObserver !== "undefined"
      ? new IntersectionObserver(function (entries) {
          entries.forEach(function (e) {
            if (!e.isIntersecting) return;
            observer.unobserve(e.target);
            e.target.psLoad();
          });
        }, { rootMargin: "100px" })
      : null;

  function whenSeen(el, load, fill) {
    el.psLoad = function () {
      load().then(fill, function () { el.setAttribute("data-ready", ""); });
    };
    if (observer) observer.observe(el);
    else el.psLoad();
  }

  function resultItem(r) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = pageUrl(r.doc);
    a.textContent = titles.get(r.n) || r.doc[0];
    li.appendChild(a);
    var label = yearLabel(r.doc);
    if (label) {
      var ctx = document.createElement("span");
      ctx.className = "ps-search-context";
      ctx.textContent = label;
      li.appendChild(ctx);
    }
    var p = document.createElement("p");
    p.className = "ps-search-snippet";
    li.appendChild(p);
    var fill = function (text) {
      snippet(text, r.words).forEach(function (piece) {
        if (piece[1]) {
          var mark = document.createElement("mark");
          mark.textContent = piece[0];
          p.appendChild(mark);
        } else {
          p.appendChild(document.createTextNode(piece[0]));
        }
      });
      p.setAttribute("data-ready", "");
    };
    var key = r.n + "-" + r.chunk;
    if (texts.has(key)) fill(texts.get(key)); // fetched with the first results: no shift on screen
    else whenSeen(p, function () { return loadText(r.n, r.chunk); }, fill);
    if (r.others.length) {
      var years = document.createElement("p");
      years.className = "ps-search-years";
      years.appendChild(document.createTextNode("ปีอื่น:"));
      r.others.forEach(function (d) {
        var doc = index.docs[d];
        var link = document.createElement("a");
        link.href = pageUrl(doc);
        link.textContent = doc[2] ? shown(doc[2]) : doc[0];
        link.setAttribute("aria-label", (titles.get(r.n) || "") + " " + yearLabel(doc));
        years.appendChild(document.createTextNode(" "));
        years.appendChild(link);
      });
      li.appendChild(years);
    }
    return li;
  }

  var shownResults = [];
  var shownCount = 0;

  function showMore() {
    var ticket = latest;
    var next = shownResults.slice(shownCount, shownCount + PAGE_SIZE);
    // the first results come with their snippets (what a phone's screen shows at once), so
    // the list does not move under the reader's eyes when they arrive
    var first = shownCount ? [] : next.slice(0, FIRST_SNIPPETS).map(function (r) {
      return loadText(r.n, r.chunk).catch(function () {});
    });
    shownCount += next.length;
    return Promise.all([loadTitles(next.map(function (r) { return r.n; }))].concat(first)).then(function () {
      if (ticket !== latest) return;
      next.forEach(function (r) { list.appendChild(resultItem(r)); });
      if (more) more.hidden = shownCount >= shownResults.length;
    });
  }

  var latest = 0; // only the newest query's results are shown

  function show(query) {
    var ticket = ++latest;
    list.textContent = "";
    shownResults = [];
    shownCount = 0;
    if (more) more.hidden = true;
    if (!query.trim()) {
      status.textContent = "พิมพ์คำที่ต้องการค้นหา แล้วกดปุ่มค้นหา";
      return;
    }
    status.textContent = "กำลังค้นหา…";
    load()
      .then(function () { return search(query); })
      .then(function (results) {
        if (ticket !== latest) return;
        if (!results.length) {
          status.textContent = "ไม่พบข้อมูลที่ตรงกับ “" + query + "” ลองใช้คำที่สั้นลงหรือคำอื่นที่มีความหมายใกล้เคียง";
          return;
        }
        status.textContent =
          "พบ " + shown(results.length) + " รายการสำหรับ “" + query + "”" +
          (results[0].partial ? " (ไม่มีหน้าที่มีครบทุกคำ แสดงหน้าที่มีมากที่สุด)" : "");
        shownResults = results;
        return showMore();
      })
      .catch(function () {
        if (ticket === latest) status.textContent = "โหลดข้อมูลสำหรับค้นหาไม่สำเร็จ โปรดลองใหม่อีกครั้ง";
      });
  }

  if (more) more.addEventListener("click", showMore);

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

  // Exposed for the tests: the pieces a query is cut into, the ranked URLs and the results.
  window.prongsaiSearch = {
    ready: load,
    pieces: function (q) { return queryPieces(q); },
    urls: function (q) {
      return load().then(function () { return search(q); }).then(function (rs) { return rs.map(function (r) { return r.doc[0]; }); });
    },
    results: function (q) {
      return load().then(function () { return search(q); }).then(function (rs) {
        return rs.map(function (r) { return { url: r.doc[0], score: r.score, words: r.words, others: r.others.map(function (d) { return index.docs[d][0]; }) }; });
      });
    },
  };
})();
