/**
 * The search page's behaviour as browser JavaScript text (the last part of assets/search.js).
 *
 * A query fetches the manifest (`years.json`), then per index part (the recent issues first)
 * only the shards holding its keys (and a key's own object when its list is long), intersects
 * positions for exact phrases (index-source.ts), skips the issues the manifest lists as hidden
 * (withdrawn since their part was built), and fetches the documents of the results on screen, 20 at a time, newest
 * first. Everything fetched stays in a Map for the page's life: the form on the search page runs
 * later queries in place (history.pushState), so they reuse what the first one downloaded.
 * User text only ever enters the page as text nodes (never innerHTML).
 */
export const searchUiSource = String.raw`(function () {
  'use strict';
  var M = XinbaoMatch;
  var X = XinbaoIndex;
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var input = document.getElementById('q');
  if (!status || !list || !input) return;
  var pageSize = 20;
  var cache = new Map();
  var generation = 0;

  function get(url) {
    var hit = cache.get(url);
    if (!hit) {
      hit = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      });
      hit.catch(function () { cache.delete(url); });
      cache.set(url, hit);
    }
    return hit;
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function highlighted(tag, className, segments) {
    var node = el(tag, className);
    segments.forEach(function (segment) {
      node.appendChild(segment.hit ? el('mark', '', segment.text) : document.createTextNode(segment.text));
    });
    return node;
  }
  function render(doc, terms) {
    var item = el('li', 'result');
    var heading = el('h2');
    var link = highlighted('a', '', M.snippet(doc.t, terms, 0));
    link.href = '../' + doc.u;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(el('p', 'result-meta', doc.b + '　' + doc.d + (doc.n && doc.n.length ? '　' + doc.n.join('、') : '')));
    item.appendChild(highlighted('p', 'result-snippet', M.snippet(doc.x, terms, 90)));
    return item;
  }
  // Doc number → item document URL, from the part's issues (document order).
  function locator(part) {
    if (part.starts) return part;
    var starts = [];
    var total = 0;
    part.issues.forEach(function (issue) {
      starts.push(total);
      total += issue[3];
    });
    part.starts = starts;
    part.total = total;
    part.hide = new Set(part.hidden || []);
    return part;
  }
  // [issue index, item index] of a doc number.
  function locate(part, doc) {
    var low = 0;
    var high = part.starts.length - 1;
    while (low < high) {
      var mid = (low + high + 1) >> 1;
      if (part.starts[mid] <= doc) low = mid;
      else high = mid - 1;
    }
    return [low, doc - part.starts[low]];
  }
  function itemUrl(part, at) {
    var issue = part.issues[at[0]];
    return 'items/' + issue[0] + '/' + issue[1] + '/' + issue[2] + '/' + at[1] + '.json';
  }
  // The docs of one part holding every term, newest first.
  function searchPart(part, terms) {
    var base = 'index/' + part.name + '/';
    var keys = [];
    terms.forEach(function (term) {
      X.termKeys(term).forEach(function (entry) { keys.push(entry[0]); });
    });
    var shards = {};
    return Promise.all(keys.map(function (key) {
      var n = X.shardOf(key, part.shards);
      return get(base + n + '.json').then(function (shard) {
        var value = shard[key];
        if (typeof value !== 'string') return value;
        return get(base + value + '.json');
      }).then(function (postings) { shards[key] = postings; });
    })).then(function () {
      var docs = null;
      for (var t = 0; t < terms.length; t++) {
        var found = X.termDocs(terms[t], function (key) { return shards[key]; });
        if (docs === null) docs = found;
        else {
          var has = new Set(found);
          docs = docs.filter(function (doc) { return has.has(doc); });
        }
        if (docs.length === 0) break;
      }
      locator(part);
      return (docs || [])
        .filter(function (doc) { return doc < part.total; })
        .map(function (doc) { return locate(part, doc); })
        // Issues withdrawn since the part was built.
        .filter(function (at) { return !part.hide.has(at[0]); })
        // Newest issue first, its items in the issue's order.
        .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; })
        .map(function (at) { return itemUrl(part, at); });
    });
  }
  function show(query) {
    var mine = ++generation;
    list.removeAttribute('data-done');
    while (list.firstChild) list.removeChild(list.firstChild);
    var more = document.getElementById('search-more');
    if (more) more.parentNode.removeChild(more);
    input.value = query;
    var terms = M.terms(query);
    if (terms.length === 0) {
      status.textContent = '请输入检索词；多个词用空格分开。';
      list.setAttribute('data-done', 'true');
      return Promise.resolve();
    }
    document.title = '检索：' + query + ' · ' + baseTitle;
    status.textContent = '正在检索…';
    return get('years.json')
      .then(function (manifest) {
        return Promise.all((manifest.parts || []).map(function (part) { return searchPart(part, terms); }));
      })
      .then(function (perPart) {
        if (mine !== generation) return;
        var hits = [].concat.apply([], perPart);
        var shown = 0;
        function report() {
          var text = hits.length === 0
            ? '没有找到包含“' + query + '”的信息。'
            : '共找到 ' + hits.length + ' 条包含“' + query + '”的信息' + (shown < hits.length ? '，已显示 ' + shown + ' 条。' : '。');
          status.textContent = text;
        }
        function page() {
          var batch = hits.slice(shown, shown + pageSize);
          // A document withdrawn since the manifest was cached is skipped, not an error.
          return Promise.all(batch.map(function (url) {
            return get(url).catch(function () { return null; });
          })).then(function (docs) {
            if (mine !== generation) return;
            docs.forEach(function (doc) { if (doc) list.appendChild(render(doc, terms)); });
            shown += docs.length;
            report();
            var button = document.getElementById('search-more');
            if (shown < hits.length && !button) {
              button = el('button', 'more', '显示更多结果');
              button.id = 'search-more';
              button.type = 'button';
              button.addEventListener('click', function () {
                button.disabled = true;
                page().then(function () { button.disabled = false; });
              });
              list.parentNode.insertBefore(button, list.nextSibling);
            } else if (shown >= hits.length && button) {
              button.parentNode.removeChild(button);
            }
          });
        }
        return page().then(function () { list.setAttribute('data-done', 'true'); });
      })
      .catch(function () {
        if (mine !== generation) return;
        status.textContent = '检索索引载入失败，请稍后重试，或按年度浏览。';
        list.setAttribute('data-done', 'true');
      });
  }
  var baseTitle = document.title;
  var form = input.form;
  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var query = input.value;
      history.pushState(null, '', '?q=' + encodeURIComponent(query));
      show(query);
    });
  }
  window.addEventListener('popstate', function () {
    show(new URLSearchParams(window.location.search).get('q') || '');
  });
  show(new URLSearchParams(window.location.search).get('q') || '');
})();
`;
