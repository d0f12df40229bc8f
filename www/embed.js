// The iframe form of <reach-plan> (embed.html): the plan comes from the page's own address, a
// share link in the fragment (`embed.html#p1.…`) or `?src=PLAN.json`, with `?mode=` and `?focus=`.
const el = document.getElementById('plan');
document.body.style.margin = '0';

function read() {
  const query = new URLSearchParams(location.search);
  for (const name of ['src', 'mode', 'focus']) {
    const value = query.get(name);
    if (value) el.setAttribute(name, value);
  }
  if (location.hash.length > 1) {
    el.removeAttribute('src');
    el.setAttribute('link', location.hash);
  }
}

read();
window.addEventListener('hashchange', read);
// Defined only now, so that the element starts with the attributes above.
import('./reach-plan.js');
