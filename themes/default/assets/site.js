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

  /* --- Search ---------------------------------------------------------------------
     search-index.js (loaded before this script, on the search page only) sets
     window.plancSearchIndex = {"version": 4, "fold": "aaaaaaæc...", "parts": [entries
     in each part...], "shards": [word file keys...]}. A search loads the word files of its
     words (search/words/KEY.js: the words starting with KEY, the entries they are in) and
     then the entries of the results it shows (search/entries/N.js), never the whole index.
     Words are cut as planc cuts them (src/render/search_words.hpp): letters and digits,
     A-Z lower-cased and the letters U+00C0-U+027F folded as the index's "fold" says (the
     letter each folds to, in order: "É" and "é" to "e"); a word of one letter is matched
     whole, a longer one as the start of a word. */

  var results = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!results || !status) return;
  var index = window.plancSearchIndex;
  var indexScript = document.querySelector('script[src$="search-index.js"]');
  function showNoScriptNote() {
    var note = status.querySelector('.search-status__no-script');
    if (note) note.classList.remove('search-status__no-script');
  }
  if (!index || index.version !== 4 || typeof index.fold !== 'string' || index.fold.length !== 0x280 - 0xc0 ||
      !Array.isArray(index.parts) || !Array.isArray(index.shards) || !indexScript) {
    showNoScriptNote();  // no index: the note the page has for browsers without scripts
    return;
  }
  var base = indexScript.src.slice(0, indexScript.src.length - 'search-index.js'.length);
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

  // One letter for one: a position in the folded text is the same in the text.
  function lower(text) {
    return text.replace(/[A-Z\u00c0-\u027f]/g, function (c) {
      var code = c.charCodeAt(0);
      return code < 0xc0 ? String.fromCharCode(code + 32) : index.fold[code - 0xc0];
    });
  }
  var LETTERS = 'a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u027f';  // what a word is made of, lower-cased
  var WORD = new RegExp('[' + LETTERS + ']');
  var WORDS = new RegExp('[' + LETTERS + ']+', 'g');
  function wordsOf(text) { return lower(text).match(WORDS) || []; }
  function shardKey(word) {
    var key = '';
    for (var i = 0; i < word.length && i < 2; i++) key += /[a-z0-9]/.test(word[i]) ? word[i] : '_';
    return key;
  }

  var words = [];
  wordsOf(query).forEach(function (w) { if (words.indexOf(w) < 0) words.push(w); });
  function noResults() { say('No results for \u201c' + query + '\u201d. Check the spelling or try fewer words.'); }
  var shards = {};
  index.shards.forEach(function (key) { shards[key] = true; });
  if (words.length === 0 || words.some(function (w) { return !shards[shardKey(w)]; })) { noResults(); return; }

  // Each part's first entry number: entries are numbered across the site, part by part.
  var firsts = [];
  var count = 0;
  index.parts.forEach(function (n) { firsts.push(count); count += n; });
  function partOf(id) {
    var lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= id) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* Loads search/NAME.js files (script tags, which work from file:// too), then calls done;
     failed when one does not load. */
  function load(names, done) {
    var waiting = names.length;
    var broken = false;
    if (waiting === 0) { done(); return; }
    names.forEach(function (name) {
      var script = document.createElement('script');
      script.src = base + 'search/' + name + '.js';
      script.onload = function () { if (--waiting === 0 && !broken) done(); };
      script.onerror = function () {
        if (broken) return;
        broken = true;
        say('Search is not working at the moment: part of its index did not load. Try again later.');
      };
      document.head.appendChild(script);
    });
  }

  var loadedWords = {};
  var loadedEntries = {};
  var PAGE = 50;       // results listed at a time
  var more = null;     // the paragraph holding the "Show more" button, once there is one
  index.words = function (key, list) { loadedWords[key] = list; };
  index.entries = function (part, list) { loadedEntries[part] = list; };

  say('Searching\u2026');
  var keys = [];
  words.forEach(function (w) { var k = shardKey(w); if (keys.indexOf(k) < 0) keys.push(k); });
  load(keys.map(function (k) { return 'words/' + k; }), function () {
    // For each word, the entries it is in: entry number -> 1 when in the title, else 0.
    var found = words.map(function (word) {
      var hits = new Map();
      (loadedWords[shardKey(word)] || []).forEach(function (piece) {
        var first = firsts[piece[0]];
        for (var j = 1; j + 1 < piece.length; j += 2) {
          var w = piece[j];
          if (word.length === 1 ? w !== word : w.lastIndexOf(word, 0) !== 0) continue;
          piece[j + 1].forEach(function (p) { var id = first + (p >> 1); hits.set(id, (hits.get(id) || 0) | (p & 1)); });
        }
      });
      return hits;
    });
    found.sort(function (a, b) { return a.size - b.size; });
    var hits = [];
    found[0].forEach(function (inTitle, id) {
      var score = 0;
      for (var i = 0; i < found.length; i++) {
        if (!found[i].has(id)) return;
        score += found[i].get(id) ? 10 : 1;
      }
      hits.push({ id: id, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    if (hits.length === 0) { noResults(); return; }

    showNext(hits, 0);
  });

  /* Lists hits[from...] fifty at a time, each batch once its entries have loaded, with a
     button under the list for the next fifty (a national site finds thousands). */
  function showNext(hits, from) {
    var batch = hits.slice(from, from + PAGE);
    var parts = [];
    batch.forEach(function (hit) { hit.part = partOf(hit.id); if (parts.indexOf(hit.part) < 0) parts.push(hit.part); });
    load(parts.map(function (n) { return 'entries/' + n; }), function () {
      if (from === 0) say(hits.length + (hits.length === 1 ? ' result' : ' results') + ' for \u201c' + query + '\u201d');
      var first = null;
      batch.forEach(function (hit) {
        var page = (loadedEntries[hit.part] || [])[hit.id - firsts[hit.part]];
        if (!page) return;
        var item = resultItem(page);
        results.appendChild(item);
        if (!first) first = item;
      });
      var next = from + batch.length;
      if (next >= hits.length) {
        if (more) more.parentNode.removeChild(more);
        more = null;
      } else {
        if (!more) {
          more = document.createElement('p');
          more.className = 'search-more';
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'button';
          more.appendChild(button);
          results.parentNode.insertBefore(more, results.nextSibling);
        }
        var button = more.firstChild;
        var count = Math.min(PAGE, hits.length - next);
        button.textContent = 'Show ' + count + ' more ' + (count === 1 ? 'result' : 'results');
        button.disabled = false;
        button.onclick = function () {
          button.disabled = true;
          showNext(hits, next);
        };
      }
      // After "Show more", the first new result takes the focus: the reader goes on from there.
      if (from > 0 && first) {
        var link = first.querySelector('a');
        if (link) link.focus();
      }
    });
  }

  /// Where the first word searched for starts a word in `text`, or -1.
  function firstHit(text) {
    var low = lower(text);
    for (var at = low.indexOf(words[0]); at >= 0; at = low.indexOf(words[0], at + 1))
      if (at === 0 || !WORD.test(low[at - 1])) return at;
    return -1;
  }

  function resultItem(page) {
    var li = document.createElement('li');
    var title = document.createElement('p');
    title.className = 'search-results__title';
    var a = document.createElement('a');
    a.href = base + page.url;
    a.textContent = page.title;
    title.appendChild(a);
    li.appendChild(title);
    if (page.context) {
      var context = document.createElement('p');
      context.className = 'search-results__context';
      context.textContent = page.context;
      li.appendChild(context);
    }
    var text = page.text || '';
    var at = firstHit(text);
    if (at >= 0) {
      var start = Math.max(0, at - 80);
      var snippet = document.createElement('p');
      snippet.className = 'search-results__snippet';
      snippet.textContent = (start > 0 ? '\u2026' : '') + text.slice(start, at + 160) + '\u2026';
      li.appendChild(snippet);
    }
    return li;
  }
})();
