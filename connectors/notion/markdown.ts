import { markdownOf, plainOf } from './rich-text.ts';
import type { BlockNode, BlockObjectResponse, RichTextItemResponse } from './types.ts';

type Block<T extends BlockObjectResponse['type']> = Extract<BlockObjectResponse, { type: T }>;
type Media = Block<'image'>['image'] | Block<'file'>['file'];

/** A Notion page's URL from its id. */
export function notionUrl(id: string): string {
  return `https://www.notion.so/${id.replaceAll('-', '')}`;
}

/** A media block's URL; a Notion-hosted file loses its signature, which expires within the hour, so the file stays stable. */
function mediaUrl(media: Media): string {
  if (media.type === 'external') return media.external.url;
  const url = media.file.url;
  return url.includes('?') ? url.slice(0, url.indexOf('?')) : url;
}

function linkText(text: string): string {
  return text.replace(/[[\]\\]/g, (match) => `\\${match}`).replace(/\n/g, ' ');
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((line) => (line ? `${prefix}${line}` : line)).join('\n');
}

function quoted(text: string): string {
  return text.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');
}

function fenced(code: string, language: string): string {
  const longest = Math.max(0, ...(code.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const info = language === 'plain text' ? '' : language.replace(/\s+/g, '-');
  return `${fence}${info}\n${code}\n${fence}`;
}

function cell(items: readonly RichTextItemResponse[]): string {
  return markdownOf(items).replace(/\|/g, '\\|').replace(/\n/g, '<br>') || ' ';
}

/** A GFM table; a table without a header row gets an empty one, as GFM needs one. */
function table(node: BlockNode & { block: Block<'table'> }): string {
  const { table_width: width, has_column_header: header } = node.block.table;
  const rows = node.children.flatMap(({ block }) => (block.type === 'table_row' ? [block.table_row.cells] : []));
  const line = (cells: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? ' ').join(' | ')} |`;
  const body = rows.map((cells) => line(cells.map(cell)));
  const head = header && body.length > 0 ? body.shift()! : line([]);
  return [head, line(Array.from({ length: width }, () => '---')), ...body].join('\n');
}

/** A block's text and its children: indented under a list item (a nested list tight, anything else as its own paragraph), else after it. */
function withChildren(text: string, children: string, prefix = ''): string {
  if (!children) return text;
  if (!prefix) return `${text}\n\n${children}`;
  return `${text}${/^(?:[-+*]|\d+\.) /.test(children) ? '\n' : '\n\n'}${indent(children, prefix)}`;
}

function caption(items: readonly RichTextItemResponse[], fallback: string): string {
  return linkText(plainOf(items) || fallback);
}

/** One block (and what it holds) as Markdown; `number` is its position in a numbered list. */
function blockMarkdown(node: BlockNode, number: number): string {
  const { block } = node;
  const children = markdownOfBlocks(node.children);
  switch (block.type) {
    case 'paragraph': return withChildren(markdownOf(block.paragraph.rich_text), children);
    case 'heading_1': return withChildren(`# ${markdownOf(block.heading_1.rich_text)}`, children);
    case 'heading_2': return withChildren(`## ${markdownOf(block.heading_2.rich_text)}`, children);
    case 'heading_3': return withChildren(`### ${markdownOf(block.heading_3.rich_text)}`, children);
    case 'heading_4': return withChildren(`#### ${markdownOf(block.heading_4.rich_text)}`, children);
    case 'bulleted_list_item': return withChildren(`- ${markdownOf(block.bulleted_list_item.rich_text)}`, children, '  ');
    case 'numbered_list_item': return withChildren(`${number}. ${markdownOf(block.numbered_list_item.rich_text)}`, children, ' '.repeat(`${number}. `.length));
    case 'to_do': return withChildren(`- [${block.to_do.checked ? 'x' : ' '}] ${markdownOf(block.to_do.rich_text)}`, children, '  ');
    case 'toggle': return `<details>\n<summary>${markdownOf(block.toggle.rich_text)}</summary>\n\n${children ? `${children}\n\n` : ''}</details>`;
    case 'quote': return quoted(withChildren(markdownOf(block.quote.rich_text), children));
    case 'callout': {
      const icon = block.callout.icon?.type === 'emoji' ? `${block.callout.icon.emoji} ` : '';
      return quoted(withChildren(`${icon}${markdownOf(block.callout.rich_text)}`, children));
    }
    case 'code': {
      const code = fenced(plainOf(block.code.rich_text), block.code.language);
      return block.code.caption.length > 0 ? `${code}\n\n_${markdownOf(block.code.caption)}_` : code;
    }
    case 'equation': return `$$\n${block.equation.expression}\n$$`;
    case 'divider': return '---';
    case 'table': return table({ ...node, block });
    case 'bookmark': return `[${caption(block.bookmark.caption, block.bookmark.url)}](${block.bookmark.url})`;
    case 'embed': return `[${caption(block.embed.caption, block.embed.url)}](${block.embed.url})`;
    case 'link_preview': return `[${linkText(block.link_preview.url)}](${block.link_preview.url})`;
    case 'image': return `![${caption(block.image.caption, '')}](${mediaUrl(block.image)})`;
    case 'file': return `[${caption(block.file.caption, block.file.name)}](${mediaUrl(block.file)})`;
    case 'pdf': return `[${caption(block.pdf.caption, 'PDF')}](${mediaUrl(block.pdf)})`;
    case 'video': return `[${caption(block.video.caption, 'Video')}](${mediaUrl(block.video)})`;
    case 'audio': return `[${caption(block.audio.caption, 'Audio')}](${mediaUrl(block.audio)})`;
    case 'child_page': return `📄 [${linkText(block.child_page.title)}](${notionUrl(block.id)})`;
    case 'child_database': return `🗃️ [${linkText(block.child_database.title)}](${notionUrl(block.id)})`;
    case 'link_to_page': {
      const target = block.link_to_page;
      if (target.type === 'page_id') return `[Linked page](${notionUrl(target.page_id)})`;
      return target.type === 'database_id' ? `[Linked database](${notionUrl(target.database_id)})` : '';
    }
    // Layout and containers (columns, synced blocks, templates) show what they hold; navigation blocks show nothing.
    default: return children;
  }
}

const listTypes = new Set(['bulleted_list_item', 'numbered_list_item', 'to_do']);

/**
 * Blocks as Markdown: headings, paragraphs, lists nested by indentation, to-dos,
 * toggles as `<details>`, code with its language, quotes, callouts, dividers, GFM
 * tables, media and bookmarks as links, child pages and databases as links to Notion.
 */
export function markdownOfBlocks(nodes: readonly BlockNode[]): string {
  let out = '';
  let previous: string | undefined;
  let number = 0;
  for (const node of nodes) {
    const { type } = node.block;
    number = type === 'numbered_list_item' ? (previous === type ? number + 1 : 1) : 0;
    const text = blockMarkdown(node, number);
    if (!text) continue;
    // Items of one list stay together (a tight list); everything else is its own paragraph.
    if (out) out += previous === type && listTypes.has(type) ? '\n' : '\n\n';
    out += text;
    previous = type;
  }
  return out;
}
