/* planc default theme: small enhancements. Every page works without this script. */
(function () {
  'use strict';
  document.documentElement.classList.add('js-enabled');

  /* --- Sortable tables: <table data-sortable="true"> ------------------------------- */

  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) return '';
    return cell.getAttribute('data-sort-value') || cell.textContent.trim();
  }

  function compare(a, b) {
    var x = parseFloat(String(a).replace(/,/g, ''));
    var y = parseFloat(String(b).replace(/,/g, ''));
    var xNum = /^-?[\d,.]+/.test(a) && !isNaN(x);
    var yNum = /^-?[\d,.]+/.test(b) && !isNaN(y);
    if (xNum && yNum) return x - y;
    if (xNum !== yNum) return xNum ? -1 : 1;
    return String(a).localeCompare(String(b), 'en-GB', { numeric: true, sensitivity: 'base' });
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll('thead th');
    var body = table.tBodies[0];
    if (!body) return;
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var order = compare(cellValue(r1, index), cellValue(r2, index));
          return ascending ? order : -order;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), makeSortable);

  /* --- Table boxes take keyboard focus only when they need to scroll ---------------- */

  function updateScrollBoxes() {
    Array.prototype.forEach.call(document.querySelectorAll('.table-wrap'), function (box) {
      if (box.scrollWidth > box.clientWidth + 1) box.setAttribute('tabindex', '0');
      else box.removeAttribute('tabindex');
    });
  }
  updateScrollBoxes();
  window.addEventListener('resize', updateScrollBoxes);

  /* --- Search: search-index.js (loaded before this script, on the search page only)
     sets window.plancSearchIndex = {"version": 2, "pages": [{title, url, context, text}]} */

  var results = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!results || !status) return;
  var loaded = window.plancSearchIndex;
  var index = loaded && loaded.pages;
  if (!Array.isArray(index)) {
    // No index: show the note the page has for browsers without scripts.
    var note = status.querySelector('.search-status__no-script');
    if (note) note.classList.remove('search-status__no-script');
    return;
  }
  var input = document.getElementById('search-input');
  var query = (new URLSearchParams(window.location.search).get('q') || '').trim();
  if (input) input.value = query;

  function say(text) {
    var p = document.createElement('p');
    p.textContent = text;
    status.textContent = '';
    status.appendChild(p);
  }

  if (!query) { say('Enter a word or phrase, for example \u201cburglary\u201d or \u201cdomestic abuse\u201d.'); return; }

  var words = query.toLowerCase().split(/\s+/).filter(Boolean);
  var found = index.map(function (page) {
    var title = (page.title || '').toLowerCase();
    var all = title + ' ' + (page.context || '').toLowerCase() + ' ' + (page.text || '').toLowerCase();
    var score = 0;
    for (var i = 0; i < words.length; i++) {
      if (all.indexOf(words[i]) < 0) return null;
      score += title.indexOf(words[i]) >= 0 ? 10 : 1;
    }
    return { page: page, score: score };
  }).filter(Boolean);
  found.sort(function (a, b) { return b.score - a.score; });

  say(found.length === 0
    ? 'No results for \u201c' + query + '\u201d. Check the spelling or try fewer words.'
    : found.length + (found.length === 1 ? ' result' : ' results') + ' for \u201c' + query + '\u201d');

  found.slice(0, 50).forEach(function (hit) {
    var li = document.createElement('li');
    var title = document.createElement('p');
    title.className = 'search-results__title';
    var a = document.createElement('a');
    a.href = '../' + hit.page.url;
    a.textContent = hit.page.title;
    title.appendChild(a);
    li.appendChild(title);
    if (hit.page.context) {
      var context = document.createElement('p');
      context.className = 'search-results__context';
      context.textContent = hit.page.context;
      li.appendChild(context);
    }
    var text = hit.page.text || '';
    var at = text.toLowerCase().indexOf(words[0]);
    if (at >= 0) {
      var start = Math.max(0, at - 80);
      var snippet = document.createElement('p');
      snippet.className = 'search-results__snippet';
      snippet.textContent = (start > 0 ? '\u2026' : '') + text.slice(start, at + 160) + '\u2026';
      li.appendChild(snippet);
    }
    results.appendChild(li);
  });
})();
