// What a citizen on a 360 px phone would notice, measured in the page (tests/test_phones.py).
// Returns a list of problems, each a short English line naming the element and its text.
() => {
  const problems = [];
  const root = document.querySelector("article.md-content__inner") || document.body;
  const where = (el) => {
    const t = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""} "${t}"`;
  };
  const page = document.documentElement;
  if (page.scrollWidth > window.innerWidth + 1) {
    problems.push(`the page scrolls sideways: ${page.scrollWidth} px wide in ${window.innerWidth} px`);
  }
  // no cell or heading wider than its box: a column cut off, or narrower than its longest word
  for (const el of root.querySelectorAll("td, th, caption, h1, h2, h3, p, li, dd, dt, .ps-table")) {
    if (el.closest("pre, code, .ps-itas td:last-child")) continue; // addresses break anywhere
    const head = el.closest("thead");
    if (head && getComputedStyle(head).position === "absolute") continue; // read by screen readers only
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden" || style.position === "absolute") continue;
    if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== "auto" && style.overflowX !== "scroll") {
      problems.push(`content wider than its box (${el.scrollWidth} > ${el.clientWidth} px): ${where(el)}`);
    }
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > window.innerWidth + 1) {
      problems.push(`cut off at the right edge (${Math.round(box.right)} px): ${where(el)}`);
    }
  }
  // a Thai word broken over two lines: the browser's own word segmentation (ICU, as its line
  // breaker uses) says where words are; a word whose letters stand on two lines was cut inside
  const seg = new Intl.Segmenter("th", { granularity: "word" });
  const range = document.createRange();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  let seen = 0;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (!parent || parent.closest("pre, code, .ps-itas td:last-child, .ps-visually-hidden, thead, script, style")) continue;
    if (!/[\u0E00-\u0E7F]/.test(node.data)) continue;
    const style = getComputedStyle(parent);
    if (style.display === "none" || style.visibility === "hidden") continue;
    for (const s of seg.segment(node.data)) {
      if (!s.isWordLike || s.segment.length < 2) continue;
      range.setStart(node, s.index);
      range.setEnd(node, s.index + s.segment.length);
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
      if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 8) problems.push(`a word broken over two lines: "${s.segment}" in ${where(parent)}`);
      seen += 1;
    }
  }
  if (seen === 0) problems.push("no Thai word found on the page: the measure read nothing");
  return problems;
};
