/**
 * The search page's behaviour as browser JavaScript text (the second half of assets/search.js).
 * The newest year's shard is searched first and its results shown at once; older years follow
 * one by one, so a reader on a slow link sees recent results after one small download.
 * User text only ever enters the page as text nodes (never innerHTML).
 */
export const searchUiSource = String.raw`(function () {
  'use strict';
  var M = XinbaoMatch;
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var input = document.getElementById('q');
  if (!status || !list || !input) return;
  var shown = 0;
  var found = 0;
  var limit = 200;
  var query = new URLSearchParams(window.location.search).get('q') || '';
  input.value = query;
  var terms = M.terms(query);
  if (terms.length === 0) {
    status.textContent = '请输入检索词；多个词用空格分开。';
    return;
  }
  document.title = '检索：' + query + ' · ' + document.title;

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
  function render(doc) {
    var item = el('li', 'result');
    var heading = el('h2');
    var link = highlighted('a', '', M.snippet(doc.t, terms, 0));
    link.href = '../' + doc.u;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(el('p', 'result-meta', doc.b + '　' + doc.d + (doc.n && doc.n.length ? '　' + doc.n.join('、') : '')));
    item.appendChild(highlighted('p', 'result-snippet', M.snippet(doc.x, terms, 90)));
    list.appendChild(item);
  }
  function report(pending) {
    if (pending && found === 0) {
      status.textContent = '正在检索 ' + pending + ' 年…';
      return;
    }
    var text = found === 0 ? '没有找到包含“' + query + '”的信息' : '共找到 ' + found + ' 条包含“' + query + '”的信息';
    if (found > shown) text += '，仅显示前 ' + shown + ' 条，请增加检索词缩小范围';
    status.textContent = text + (pending ? '；正在检索 ' + pending + ' 年…' : '。');
  }
  function searchYear(year) {
    return fetch(year + '.json')
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (shard) {
        shard.docs.forEach(function (doc) {
          if (!M.matches(M.haystack(doc), terms)) return;
          found++;
          if (shown < limit) {
            shown++;
            render(doc);
          }
        });
      });
  }
  status.textContent = '正在检索…';
  fetch('years.json')
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(function (index) {
      var years = index.years.slice().sort(function (a, b) { return b - a; });
      var chain = Promise.resolve();
      years.forEach(function (year) {
        chain = chain.then(function () {
          report(year);
          return searchYear(year);
        });
      });
      return chain;
    })
    .then(function () {
      report(0);
      list.setAttribute('data-done', 'true');
    })
    .catch(function () {
      status.textContent = '检索索引载入失败，请稍后重试，或按年度浏览。';
    });
})();
`;
