// Progressive enhancement for the search page: results update as you type. Without JavaScript
// the same form submits as a plain GET and the server renders the same page.
(function () {
  var form = document.getElementById('search');
  var results = document.getElementById('results');
  if (!form || !results || !window.fetch) return;
  var timer = null, inflight = null;
  function url() {
    var params = new URLSearchParams(new FormData(form));
    // An emptied box or filter should not send an empty parameter.
    Array.from(params.keys()).forEach(function (k) { if (params.get(k) === '') params.delete(k); });
    return form.getAttribute('action') + '?' + params.toString();
  }
  function refresh() {
    var u = url();
    if (inflight) inflight.abort();
    inflight = new AbortController();
    fetch(u + (u.indexOf('?') >= 0 ? '&' : '?') + 'fragment=1', { signal: inflight.signal, headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        // Facet checkboxes live inside the replaced part: keep keyboard focus where it was.
        var a = document.activeElement, key = null;
        if (a && results.contains(a) && a.name) key = [a.name, a.value];
        results.innerHTML = html;
        if (key) {
          var again = Array.from(results.querySelectorAll('[name]')).find(function (el) {
            return el.name === key[0] && el.value === key[1];
          });
          if (again) again.focus();
        }
        history.replaceState(null, '', u);
        results.setAttribute('aria-busy', 'false');
      })
      .catch(function () { results.setAttribute('aria-busy', 'false'); });
    results.setAttribute('aria-busy', 'true');
  }
  form.addEventListener('input', function (e) {
    clearTimeout(timer);
    timer = setTimeout(refresh, e.target.type === 'search' ? 120 : 0);
  });
  form.addEventListener('change', function (e) {
    if (e.target.type !== 'search') { clearTimeout(timer); refresh(); }
  });
})();
