/**
 * The search matcher as browser JavaScript text: it is emitted verbatim into assets/search.js,
 * and Node evaluates the very same text (./matcher.ts), so tests exercise what readers run.
 *
 * Matching is by exact phrase: query and documents are NFKC-normalised and lower-cased, the query
 * is split at whitespace, and every term must occur as a contiguous substring. That is exact for
 * Chinese (no segmentation guesses: 桃花村 never matches 桃…花…村) and mixed script (5G基站). Runs of
 * Latin letters and digits are words, though: 1622 does not match inside 16220, nor 5g inside 15g.
 */
export const matcherSource = String.raw`var XinbaoMatch = (function () {
  'use strict';
  function normalize(text) {
    return String(text).normalize('NFKC').toLowerCase();
  }
  function terms(query) {
    var seen = {};
    return normalize(query)
      .split(/\s+/)
      .filter(function (term) {
        if (!term || seen[term]) return false;
        seen[term] = true;
        return true;
      });
  }
  function haystack(doc) {
    return normalize([doc.t, doc.x, (doc.n || []).join('、')].join('\n'));
  }
  var word = /[a-z0-9]/;
  // Where the term occurs at or after 'from' without cutting a Latin or digit word in two; -1 if nowhere.
  function find(text, term, from) {
    var leftWord = word.test(term.charAt(0));
    var rightWord = word.test(term.charAt(term.length - 1));
    for (var at = text.indexOf(term, from); at >= 0; at = text.indexOf(term, at + 1)) {
      if (leftWord && at > 0 && word.test(text.charAt(at - 1))) continue;
      if (rightWord && word.test(text.charAt(at + term.length))) continue;
      return at;
    }
    return -1;
  }
  function matches(normalizedHaystack, queryTerms) {
    if (queryTerms.length === 0) return false;
    for (var i = 0; i < queryTerms.length; i++) {
      if (find(normalizedHaystack, queryTerms[i], 0) < 0) return false;
    }
    return true;
  }
  // Normalises character by character, remembering where each normalised unit came from, so a
  // hit found in normalised text can be highlighted in the original text.
  function mapped(text) {
    var out = '';
    var origin = [];
    for (var i = 0; i < text.length; ) {
      var ch = String.fromCodePoint(text.codePointAt(i));
      var n = normalize(ch);
      for (var k = 0; k < n.length; k++) origin.push(i);
      out += n;
      i += ch.length;
    }
    origin.push(text.length);
    return { text: out, origin: origin };
  }
  // [{ text, hit }] segments of the original text around the first hit; width 0 = whole text.
  function snippet(text, queryTerms, width) {
    var m = mapped(String(text));
    var hits = [];
    for (var t = 0; t < queryTerms.length; t++) {
      var term = queryTerms[t];
      for (var at = find(m.text, term, 0); at >= 0; at = find(m.text, term, at + term.length)) {
        hits.push([at, at + term.length]);
      }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var start = 0;
    var end = m.text.length;
    if (width > 0) {
      var first = hits.length > 0 ? hits[0][0] : 0;
      start = Math.max(0, first - Math.floor(width / 3));
      end = Math.min(m.text.length, start + width);
    }
    var segments = [];
    var cursor = start;
    function push(from, to, hit) {
      if (to > from) segments.push({ text: text.slice(m.origin[from], m.origin[to]), hit: hit });
    }
    for (var h = 0; h < hits.length; h++) {
      var s = Math.max(hits[h][0], cursor);
      var e = Math.min(hits[h][1], end);
      if (e <= s || s >= end) continue;
      push(cursor, s, false);
      push(s, e, true);
      cursor = e;
    }
    push(cursor, end, false);
    if (start > 0) segments.unshift({ text: '…', hit: false });
    if (end < m.text.length) segments.push({ text: '…', hit: false });
    return segments;
  }
  return { normalize: normalize, terms: terms, haystack: haystack, matches: matches, snippet: snippet };
})();
`;
