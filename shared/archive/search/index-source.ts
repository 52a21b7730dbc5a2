/**
 * The search index's shared rules as browser JavaScript text: emitted verbatim into
 * assets/search.js and evaluated by Node (./bigram-index.ts) when the publisher builds the index,
 * so the keys a page looks up are the keys the builder wrote.
 *
 * A document's text (the matcher's haystack: title, text, unit names, NFKC + lower case) becomes
 * "index text": every run of Latin letters and digits is wrapped in \u0001 marks, whitespace
 * becomes one space. A query term goes through the same transformation, so an exact substring
 * match of the two is exactly the matcher's rule: 1622 (→ ␁1622␁) does not occur in ␁16220␁,
 * 5g基站 (→ ␁5g␁基站) not in ␁15g␁基站. The index holds, per year, every character bigram of the
 * index text with its positions in each document (exact phrases by adjacent positions: 桃花村 is
 * 桃花 at p and 花村 at p + 1), and every single character with the documents it occurs in (a
 * one-character query, 县). Keys are spread over the year's shards by a hash, so a query fetches
 * one shard per key it needs.
 *
 * Postings, per key, one flat array of numbers:
 * - a bigram: doc gap, occurrence count, first position, position gaps…, then the next doc;
 * - a single character: doc gaps.
 * Doc numbers count the year's public items, oldest issue first (see bigram-index.ts).
 */
export const indexSource = String.raw`var XinbaoIndex = (function () {
  'use strict';
  var mark = '\u0001';
  var wordRun = /[a-z0-9]+/g;
  var spaces = /[\s\u0000-\u001f]+/g;
  // The index text of an already normalised (NFKC, lower-case) string.
  function indexText(normalized) {
    return String(normalized)
      .replace(spaces, ' ')
      .replace(wordRun, function (run) { return mark + run + mark; });
  }
  // The keys a term needs and where they sit in it: [[key, offset]]; a one-character term is
  // looked up as itself. Bigrams at offsets 0, 2, 4… and the last one cover every character.
  function termKeys(term) {
    var text = indexText(term);
    if (text.length === 1) return [[text, 0]];
    var keys = [];
    for (var at = 0; at + 2 <= text.length; at += 2) keys.push([text.substr(at, 2), at]);
    if (text.length % 2 === 1) keys.push([text.substr(text.length - 2, 2), text.length - 2]);
    return keys;
  }
  // 32-bit FNV-1a over UTF-16 code units, then the shard number.
  function shardOf(key, shards) {
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }
  // Decodes a bigram's postings into a Map doc → positions (ascending).
  function positions(list) {
    var docs = new Map();
    var doc = 0;
    for (var i = 0; i < list.length; ) {
      doc += list[i++];
      var count = list[i++];
      var at = 0;
      var found = new Array(count);
      for (var k = 0; k < count; k++) {
        at += list[i++];
        found[k] = at;
      }
      docs.set(doc, found);
    }
    return docs;
  }
  function docsOf(list) {
    var docs = [];
    var doc = 0;
    for (var i = 0; i < list.length; i++) {
      doc += list[i];
      docs.push(doc);
    }
    return docs;
  }
  // The docs (ascending) in which the term occurs, given lookup(key) → postings array or undefined.
  function termDocs(term, lookup) {
    var keys = termKeys(term);
    if (keys.length === 1 && keys[0][0].length === 1) return docsOf(lookup(keys[0][0]) || []);
    var lists = [];
    for (var i = 0; i < keys.length; i++) {
      var list = lookup(keys[i][0]);
      if (!list || list.length === 0) return [];
      lists.push({ docs: positions(list), offset: keys[i][1] });
    }
    lists.sort(function (a, b) { return a.docs.size - b.docs.size; });
    var first = lists[0];
    var found = [];
    first.docs.forEach(function (starts, doc) {
      var candidates = starts.map(function (p) { return p - first.offset; });
      for (var j = 1; j < lists.length && candidates.length > 0; j++) {
        var other = lists[j].docs.get(doc);
        if (!other) return;
        var at = new Set(other);
        var shift = lists[j].offset;
        candidates = candidates.filter(function (start) { return at.has(start + shift); });
      }
      if (candidates.length > 0) found.push(doc);
    });
    return found.sort(function (a, b) { return a - b; });
  }
  return { indexText: indexText, termKeys: termKeys, shardOf: shardOf, termDocs: termDocs };
})();
`;
