/* prongsai: the print button of the print editions.
 *
 * The print edition is the whole document, rendered at build time (prongsai/templates/
 * print_*.md.j2): this script fetches nothing and changes nothing in the document; it only
 * adds a button that opens the browser's print dialog. Without JavaScript, the browser's
 * own print command prints the same page. Thai text lives in the page, never here.
 */
(function () {
  "use strict";
  var note = document.querySelector("[data-ps-status]");
  if (!note || !window.print) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary";
  button.textContent = note.getAttribute("data-ps-print-label");
  button.addEventListener("click", function () { window.print(); });
  note.appendChild(button);
})();
