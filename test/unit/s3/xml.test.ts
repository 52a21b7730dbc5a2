import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  childrenOf,
  childText,
  decodeXmlText,
  encodeXmlText,
  parseXml,
  type XmlElement,
} from '#shared/store/s3/xml';

/** Writes a tree back as XML, text first (how S3 writes leaves), with optional namespace prefixes. */
function write(element: XmlElement, prefix: string): string {
  const attributes = Object.entries(element.attributes)
    .map(([name, value]) => ` ${name}="${encodeXmlText(value)}"`)
    .join('');
  const tag = `${prefix}${element.name}`;
  const inner = encodeXmlText(element.text) + element.children.map((child) => write(child, prefix)).join('');
  return inner === '' ? `<${tag}${attributes}/>` : `<${tag}${attributes}>${inner}</${tag}>`;
}

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,11}$/);
/** Any text XML can carry: Chinese, markup characters, spaces, emoji — no control characters. */
const text = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('<', '>', '&', '"', "'", ' ', '\n', '桃', '村', '😀', ']]>'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    ),
  })
  .filter((value) => [...value].every((c) => c === '\n' || c === '\t' || (c.codePointAt(0) ?? 0) >= 0x20));
const treeOf = (depth: number): fc.Arbitrary<XmlElement> =>
  fc.record({
    name,
    attributes: fc.dictionary(name, text, { maxKeys: 2 }),
    children: depth > 0 ? fc.array(treeOf(depth - 1), { maxLength: 3 }) : fc.constant([]),
    text,
  });
const tree = treeOf(3);

describe('parseXml', () => {
  it('reads back any tree it is given, with or without a prolog and a namespace prefix', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), fc.constantFrom('', 's3:'), (element, prolog, prefix) => {
        const document = `${prolog ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''}${write(element, prefix)}`;
        expect(parseXml(document)).toEqual(element);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what is not one well-formed document', () => {
    for (const bad of [
      '',
      'plain text',
      '<a><b></a>',
      '<a>',
      '<a></a><b></b>',
      '<a>&unknown;</a>',
      '<a>AT&T</a>',
      '<a><![CDATA[open</a>',
      '<a b="1"</a>',
    ]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });

  it('reads S3’s own ListObjectsV2 answer: CDATA, comments, numeric references and a namespace', () => {
    const document = parseXml(`<?xml version="1.0" encoding="UTF-8"?>
<!-- a listing -->
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>archive</Name><IsTruncated>true</IsTruncated>
  <Contents><Key>2026/&#x653F;&#21153;/1 &amp; 2.html</Key><Size>12</Size></Contents>
  <Contents><Key><![CDATA[a<b>&c]]></Key></Contents>
  <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
</ListBucketResult>`);
    expect(document.name).toBe('ListBucketResult');
    expect(document.attributes.xmlns).toBe('http://s3.amazonaws.com/doc/2006-03-01/');
    expect(childrenOf(document, 'Contents').map((entry) => childText(entry, 'Key'))).toEqual([
      '2026/政务/1 & 2.html',
      'a<b>&c',
    ]);
    expect(childText(document, 'NextContinuationToken')).toBe(
      '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
    );
  });

  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(decodeXmlText(encodeXmlText(value))).toBe(value);
      }),
    );
  });
});
