import type { RichTextItemResponse } from './types.ts';

/** Characters Markdown would read as syntax inside running text; `_` only where it can open or close emphasis. */
const special = /[\\`*~[\]]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

function escape(text: string): string {
  return text.replace(special, (match) => `\\${match}`);
}

/** Wraps text in a marker, keeping its outer spaces outside (`** bold**` would not be bold). */
function wrap(text: string, marker: string): string {
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return core ? `${lead}${marker}${core}${marker}${trail}` : text;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function segment(item: RichTextItemResponse): string {
  if (item.type === 'equation') return `$${item.equation.expression}$`;
  const { annotations } = item;
  let text = annotations.code ? codeSpan(item.plain_text) : escape(item.plain_text);
  if (annotations.bold) text = wrap(text, '**');
  if (annotations.italic) text = wrap(text, '_');
  if (annotations.strikethrough) text = wrap(text, '~~');
  // Mentions of pages, databases and links carry their URL in `href`; a user mention reads "@Name".
  return item.href ? `[${text}](${item.href})` : text;
}

/** Rich text as inline Markdown: bold, italic, code, strikethrough, links, mentions and inline equations. */
export function markdownOf(items: readonly RichTextItemResponse[]): string {
  return items.map(segment).join('');
}

/** The characters of rich text without formatting (titles, search text, code blocks). */
export function plainOf(items: readonly RichTextItemResponse[]): string {
  return items.map((item) => item.plain_text).join('');
}
