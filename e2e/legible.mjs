// Checks that text is legible and whole, shared by the app's and the widget's end-to-end tests.

// Every diagram label of a page (or frame) that is cut: an ellipsis, or drawn wider than the
// text area of its node box (184 − 52 − 8 units); HTML text cut by `text-overflow: ellipsis`.
export async function cutLabels(frame, svgSelector) {
  return frame.$$eval(`${svgSelector} .node text`, (texts) => texts
    .filter((t) => t.textContent.length > 1)
    .filter((t) => t.textContent.includes('…') || t.getBBox().width > 124 + 2)
    .map((t) => `${t.textContent} (${Math.round(t.getBBox().width)} wide)`));
}

export async function cutHtml(frame) {
  return frame.$$eval('body *', (els) => els
    .filter((e) => getComputedStyle(e).textOverflow === 'ellipsis' && e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.slice(0, 40)}"`));
}

// The smallest diagram text of a widget (by the id of its element), in CSS pixels as drawn:
// the font size times the scale the SVG is drawn at; and the labels cut in it.
export async function widgetText(page, id) {
  return page.evaluate((id) => {
    const svg = document.getElementById(id).shadowRoot.querySelector('svg.diagram');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('.node text')];
    const smallest = Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    const cut = texts.filter((t) => t.textContent.includes('…') || t.getBBox().width > 126).map((t) => t.textContent);
    return { smallest, cut };
  }, id);
}
