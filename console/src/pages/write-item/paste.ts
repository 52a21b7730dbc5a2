/**
 * Text pasted from Word (or a web page) into the body: paragraphs kept, formatting dropped. The
 * body is plain text with one paragraph per line; Word's first-line indent (full-width spaces)
 * and empty paragraphs are left out, since every page and file Xinbao makes indents by itself.
 */
const blockTags = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'BLOCKQUOTE']);

function cleanParagraph(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, (run) => (run.includes('\n') ? '' : ' ')).trim();
}

export function paragraphsFromText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''))
    .filter((line) => line.length > 0)
    .join('\n');
}

export function paragraphsFromHtml(html: string, parser: DOMParser = new DOMParser()): string {
  const document = parser.parseFromString(html, 'text/html');
  for (const hidden of document.querySelectorAll('style, script, title, meta, xml')) hidden.remove();
  const paragraphs: string[] = [];
  const blocks = [...document.body.querySelectorAll('*')].filter(
    (element) =>
      blockTags.has(element.tagName) && ![...element.children].some((child) => blockTags.has(child.tagName)),
  );
  for (const block of blocks) {
    const text = cleanParagraph(block.textContent ?? '');
    if (text) paragraphs.push(text);
  }
  // Plain inline HTML with no block elements: fall back to its text, line by line.
  return paragraphs.length > 0 ? paragraphs.join('\n') : paragraphsFromText(document.body.textContent ?? '');
}

/** What to insert for a paste event: Word's HTML when there is some, else its plain text. */
export function pastedParagraphs(data: Pick<DataTransfer, 'getData'>): string {
  const html = data.getData('text/html');
  return html ? paragraphsFromHtml(html) : paragraphsFromText(data.getData('text/plain'));
}
