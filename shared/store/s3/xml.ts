/**
 * The little XML the S3 API answers with (ListObjectsV2 results, CopyObject results, error
 * documents), read into a tree of elements. Enough of XML 1.0 for any document S3 or its
 * emulator writes: a prolog, comments, processing instructions and a DOCTYPE are skipped,
 * attributes are read, text and CDATA sections are joined, and the predefined and numeric
 * character references are decoded. Anything malformed throws rather than guessing.
 */
export interface XmlElement {
  /** The tag name without its namespace prefix (`ListBucketResult`, `Key`). */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (its direct text and CDATA, joined), decoded. */
  text: string;
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes `&lt;` `&amp;` … and `&#NN;` `&#xNN;`; an unknown or unterminated reference throws. */
export function decodeXmlText(raw: string): string {
  return raw.replace(/&([^;&]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated character reference in XML: ${match}`);
    const known = entities[name];
    if (known !== undefined) return known;
    const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (numeric?.[1]) {
      const code = numeric[1].startsWith('x')
        ? Number.parseInt(numeric[1].slice(1), 16)
        : Number.parseInt(numeric[1], 10);
      if (code > 0x10ffff) throw new Error(`character reference out of range in XML: ${match}`);
      return String.fromCodePoint(code);
    }
    throw new Error(`unknown entity in XML: ${match}`);
  });
}

/** The inverse, for tests and for anything this module writes: escapes the five special characters. */
export function encodeXmlText(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);
const nameChars = /[^\s/>=]+/y;
const attribute = /\s*([^\s/>=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** Parses one document and answers its root element. */
export function parseXml(document: string): XmlElement {
  let at = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (why: string): never => {
    throw new Error(`malformed XML at ${at}: ${why}`);
  };
  const skipPast = (terminator: string) => {
    const end = document.indexOf(terminator, at);
    if (end < 0) fail(`missing ${terminator}`);
    at = end + terminator.length;
  };
  while (at < document.length) {
    const open = document.indexOf('<', at);
    const textEnd = open < 0 ? document.length : open;
    if (textEnd > at) {
      const text = document.slice(at, textEnd);
      const parent = stack.at(-1);
      if (parent) parent.text += decodeXmlText(text);
      else if (text.trim() !== '' && text !== '\uFEFF') fail('text outside the root element');
    }
    if (open < 0) break;
    at = open;
    if (document.startsWith('<?', at)) skipPast('?>');
    else if (document.startsWith('<!--', at)) skipPast('-->');
    else if (document.startsWith('<![CDATA[', at)) {
      const end = document.indexOf(']]>', at);
      if (end < 0) fail('unterminated CDATA');
      const parent = stack.at(-1) ?? fail('CDATA outside the root element');
      parent.text += document.slice(at + 9, end);
      at = end + 3;
    } else if (document.startsWith('<!', at)) skipPast('>');
    else if (document.startsWith('</', at)) {
      const end = document.indexOf('>', at);
      if (end < 0) fail('unterminated end tag');
      const name = localName(document.slice(at + 2, end).trim());
      const element = stack.pop();
      if (!element || element.name !== name) fail(`unexpected </${name}>`);
      at = end + 1;
    } else {
      nameChars.lastIndex = at + 1;
      const tag = nameChars.exec(document)?.[0] ?? fail('an element without a name');
      at = nameChars.lastIndex;
      const element: XmlElement = { name: localName(tag), attributes: {}, children: [], text: '' };
      for (;;) {
        attribute.lastIndex = at;
        const match = attribute.exec(document);
        if (!match?.[1]) break;
        element.attributes[match[1]] = decodeXmlText(match[2] ?? match[3] ?? '');
        at = attribute.lastIndex;
      }
      while (/\s/.test(document[at] ?? '')) at++;
      const selfClosing = document.startsWith('/>', at);
      if (!selfClosing && document[at] !== '>') fail(`unexpected character in <${tag}>`);
      at += selfClosing ? 2 : 1;
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) fail('a second root element');
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)?.name}> is not closed`);
  return root ?? fail('no root element');
}

/** The first child element called `name`. */
export const childOf = (element: XmlElement, name: string) =>
  element.children.find((child) => child.name === name);

/** The text of the first child element called `name`, undefined when there is none. */
export const childText = (element: XmlElement, name: string) => childOf(element, name)?.text;

/** Every child element called `name`, in document order. */
export const childrenOf = (element: XmlElement, name: string) =>
  element.children.filter((child) => child.name === name);
