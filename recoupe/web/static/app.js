/* recoupe's pages: citation previews (story page), the list kept up to date (stories), the cited span in view
   (document page). Plain JavaScript, no library; every page works without it. */
(function () {
  'use strict';

  function citedWords() {
    var data = document.getElementById('cited-words');
    return data ? JSON.parse(data.textContent) : null;
  }

  function spanKey(link) {
    var url = new URL(link.getAttribute('href'), location.href);
    var doc = decodeURIComponent(url.pathname.split('/').pop());
    return doc + ':' + url.searchParams.get('start') + ':' + url.searchParams.get('end');
  }

  function setUpPreviews() {
    var words = citedWords();
    var tip = document.getElementById('cite-tip');
    if (!words || !tip) { return; }
    function show(event) {
      var link = event.currentTarget;
      var text = words[spanKey(link)];
      if (!text) { return; }
      tip.textContent = '';
      var quote = document.createElement('q');
      quote.textContent = text;
      var source = document.createElement('span');
      source.className = 'tip-source';
      source.textContent = 'source ' + link.textContent + ' · click to open it';
      tip.appendChild(quote);
      tip.appendChild(source);
      tip.hidden = false;
      var box = link.getBoundingClientRect();
      var width = Math.min(tip.offsetWidth, window.innerWidth - 16);
      tip.style.left = Math.max(8, Math.min(box.left + window.scrollX - width / 2, window.scrollX + window.innerWidth - width - 8)) + 'px';
      tip.style.top = (box.bottom + window.scrollY + 6) + 'px';
      link.setAttribute('aria-describedby', 'cite-tip');
    }
    function hide(event) {
      tip.hidden = true;
      if (event && event.currentTarget && event.currentTarget.removeAttribute) {
        event.currentTarget.removeAttribute('aria-describedby');
      }
    }
    document.querySelectorAll('main a[href^="/documents/"][href*="start="]').forEach(function (link) {
      link.removeAttribute('title');
      link.addEventListener('mouseenter', show);
      link.addEventListener('focus', show);
      link.addEventListener('mouseleave', hide);
      link.addEventListener('blur', hide);
    });
    document.addEventListener('keydown', function (event) { if (event.key === 'Escape') { hide(); } });
  }

  function setUpPolling() {
    var main = document.getElementById('main');
    var seconds = main && Number(main.dataset.poll);
    if (!seconds) { return; }
    var filters = { q: main.dataset.query, since: main.dataset.since };
    function query(extra) {
      var params = new URLSearchParams();
      Object.keys(filters).forEach(function (k) { if (filters[k]) { params.set(k, filters[k]); } });
      Object.keys(extra).forEach(function (k) { params.set(k, extra[k]); });
      return params.toString();
    }
    function check() {
      var count = document.querySelector('#story-list .count');
      fetch('/api/v1/stories?' + query({ limit: 1 }), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data || !count) { return; }
          var first = data.stories[0];
          var latest = first ? first.updated + '/' + first.version : '';
          if (String(data.total) === count.dataset.total && latest === count.dataset.latest) { return; }
          return fetch('/fragments/stories?' + query({ page: main.dataset.page || 1 }))
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) {
              if (html === null) { return; }
              document.getElementById('story-list').innerHTML = html;
              document.getElementById('updates').textContent =
                'Updated at ' + new Date().toLocaleTimeString() + ': new reports arrived.';
            });
        })
        .catch(function () { /* the server may be restarting: try again at the next tick */ })
        .then(function () { window.setTimeout(check, seconds * 1000); });
    }
    window.setTimeout(check, seconds * 1000);
  }

  function showCited() {
    var mark = document.getElementById('cited');
    if (mark && location.hash === '#cited') {
      mark.scrollIntoView({ block: 'center' });
      mark.focus({ preventScroll: true });
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    setUpPreviews();
    setUpPolling();
    showCited();
  });
}());
