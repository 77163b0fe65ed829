"""What a thumb cannot hit: interactive elements smaller than 44 × 44 CSS pixels on the page as
a phone shows it, for the browser tests.

The documented exceptions (WCAG 2.5.5's own): a link inside running text (an inline link whose
paragraph holds other words; never one inside a <nav>), Leaflet's attribution line, and what
is not shown (hidden, in a closed <details>, the skip link until it gets the focus). A checkbox
or radio button counts together with its labels, since tapping the label ticks it.
"""

MINIMUM = 44

SMALL_TARGETS_JS = """(minimum) => {
  const width = document.documentElement.clientWidth;
  const union = (a, b) => {
    const left = Math.min(a.left, b.left), top = Math.min(a.top, b.top);
    return {left, top, width: Math.max(a.right, b.right) - left,
            height: Math.max(a.bottom, b.bottom) - top};
  };
  const words = (el) => el.innerText.replace(/\\s+/g, " ").trim();
  const inRunningText = (el) => {
    if (el.closest("nav") || getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
    return words(block).length > words(el).length + 3;
  };
  const found = [];
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary";
  for (const el of document.querySelectorAll(selector)) {
    let box = el.getBoundingClientRect();
    if (!box.width || !box.height || box.right <= 0 || box.left >= width) continue;
    if (!el.checkVisibility({visibilityProperty: true})) continue;  // closed <details> too
    if (el.closest(".leaflet-control-attribution")) continue;
    if (el.type === "checkbox" || el.type === "radio") {
      for (const label of el.labels) box = union(box, label.getBoundingClientRect());
    }
    if (box.width >= minimum && box.height >= minimum) continue;
    if (el.tagName === "A" && inRunningText(el)) continue;
    const name = (words(el) || el.value || el.name || "").slice(0, 40);
    found.push(`<${el.tagName.toLowerCase()} class="${el.className}"> "${name}" `
      + `${Math.round(box.width)}×${Math.round(box.height)}`);
  }
  return found;
}"""


def small_tap_targets(page):
    """Descriptions of the page's interactive elements below 44 × 44 px (see above)."""
    return page.evaluate(SMALL_TARGETS_JS, MINIMUM)


def sideways_scroll(page):
    """How many pixels the page is wider than the screen (0 when it fits)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
