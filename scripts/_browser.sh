# Sourced by scripts/test.sh: Debian's Chromium and Thai fonts for the browser tests, and
# poppler-utils (pdftotext, pdfinfo, pdffonts) to read the PDFs the print tests make.
# Playwright never downloads a browser here; it drives /usr/bin/chromium.
if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1 || ! fc-list :lang=th 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = "0" ]; then
    echo "installing Debian's chromium, fonts-thai-tlwg and poppler-utils for the browser tests" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-thai-tlwg poppler-utils >/dev/null
  else
    echo "the browser tests need Debian's chromium and fonts-thai-tlwg: sudo apt-get install chromium fonts-thai-tlwg poppler-utils" >&2
    exit 1
  fi
fi
