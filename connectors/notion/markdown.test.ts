import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BlockSpec, buildBlocks } from './fake/content.ts';
import { equation, mentionDate, mentionPage, mentionUser, person, text } from './fake/objects.ts';
import { markdownOfBlocks } from './markdown.ts';
import { markdownOf } from './rich-text.ts';
import type { RichTextItemResponse } from './types.ts';

const pageId = '11111111-2222-4333-8444-555555555555';
const rich = (...items: RichTextItemResponse[]) => ({ rich_text: items, color: 'default' });
const block = (type: BlockSpec['type'], content: object, children?: BlockSpec[]): BlockSpec => ({ type, content, ...(children ? { children } : {}) });
const markdown = (...specs: BlockSpec[]) => markdownOfBlocks(buildBlocks(specs, { pageId, time: '2026-11-20T12:00:00.000Z', userId: pageId }));
const maria = person('Maria Chen', 'maria.chen@acme.dev');

describe('notion rich text', () => {
  it('writes bold, italic, strikethrough, code, links, mentions and equations', () => {
    assert.equal(markdownOf([
      text('Ship '), text('now ', { bold: true }), text('please', { italic: true, bold: true }), text(' '), text('old', { strikethrough: true }),
      text(' run '), text('a`b', { code: true }), text(' see '), text('docs', {}, 'https://acme.dev/docs'), text(' '), mentionUser(maria),
      text(' '), mentionPage(pageId, 'Roadmap'), text(' on '), mentionDate('2026-12-01'), text(' '), equation('e=mc^2'),
    ]), 'Ship **now** _**please**_ ~~old~~ run ``a`b`` see [docs](https://acme.dev/docs) @Maria Chen [Roadmap](https://www.notion.so/11111111222243338444555555555555) on 2026-12-01 $e=mc^2$');
  });

  it('escapes what Markdown would read as syntax, but not underscores inside words', () => {
    assert.equal(markdownOf([text('a *star*, snake_case, _lead, [x] and `tick` ~x~')]), 'a \\*star\\*, snake_case, \\_lead, \\[x\\] and \\`tick\\` \\~x\\~');
  });
});

describe('notion blocks to Markdown', () => {
  it('writes headings, paragraphs, nested lists, to-dos and toggles', () => {
    assert.equal(markdown(
      block('heading_1', { ...rich(text('One')), is_toggleable: false }),
      block('heading_2', { ...rich(text('Two')), is_toggleable: false }),
      block('heading_3', { ...rich(text('Three')), is_toggleable: false }),
      block('paragraph', { ...rich(text('Plain '), text('bold', { bold: true })), icon: null }),
      block('paragraph', { ...rich(), icon: null }),
      block('bulleted_list_item', rich(text('a')), [block('bulleted_list_item', rich(text('a.1')), [block('bulleted_list_item', rich(text('a.1.1')))])]),
      block('bulleted_list_item', rich(text('b'))),
      block('numbered_list_item', rich(text('first'))),
      block('numbered_list_item', rich(text('second')), [block('numbered_list_item', rich(text('inner')))]),
      block('to_do', { ...rich(text('open')), checked: false }),
      block('to_do', { ...rich(text('closed')), checked: true }, [block('paragraph', { ...rich(text('why')), icon: null })]),
      block('toggle', rich(text('More')), [block('paragraph', { ...rich(text('hidden')), icon: null })]),
    ), [
      '# One', '', '## Two', '', '### Three', '', 'Plain **bold**', '',
      '- a', '  - a.1', '    - a.1.1', '- b', '',
      '1. first', '2. second', '   1. inner', '',
      '- [ ] open', '- [x] closed', '', '  why', '',
      '<details>', '<summary>More</summary>', '', 'hidden', '', '</details>',
    ].join('\n'));
  });

  it('writes code with its language, quotes, callouts, dividers and equations', () => {
    assert.equal(markdown(
      block('code', { rich_text: [text('const a = "```";')], caption: [text('note')], language: 'javascript' }),
      block('code', { rich_text: [text('plain')], caption: [], language: 'plain text' }),
      block('quote', rich(text('Said once')), [block('paragraph', { ...rich(text('and again')), icon: null })]),
      block('callout', { ...rich(text('Careful')), icon: { type: 'emoji', emoji: '⚠️' } }),
      block('divider', {}),
      block('equation', { expression: 'a^2+b^2=c^2' }),
    ), [
      '````javascript', 'const a = "```";', '````', '', '_note_', '',
      '```', 'plain', '```', '',
      '> Said once', '>', '> and again', '',
      '> ⚠️ Careful', '', '---', '', '$$', 'a^2+b^2=c^2', '$$',
    ].join('\n'));
  });

  it('writes tables as GFM, with an empty header row when Notion has none', () => {
    const row = (...cells: string[]) => block('table_row', { cells: cells.map((cell) => [text(cell)]) });
    assert.equal(markdown(
      block('table', { table_width: 2, has_column_header: true, has_row_header: false }, [row('Name', 'Cost'), row('a|b', '1\n2')]),
      block('table', { table_width: 2, has_column_header: false, has_row_header: false }, [row('x', 'y')]),
    ), ['| Name | Cost |', '| --- | --- |', '| a\\|b | 1<br>2 |', '', '|   |   |', '| --- | --- |', '| x | y |'].join('\n'));
  });

  it('links bookmarks, embeds, media, files, child pages and databases', () => {
    const hosted = { url: 'https://files.notion.so/a/plan.pdf?X-Amz-Signature=abc', expiry_time: '2026-11-20T13:00:00.000Z' };
    const nodes = buildBlocks([
      block('bookmark', { url: 'https://acme.dev', caption: [] }),
      block('embed', { url: 'https://figma.com/f', caption: [text('Flows')] }),
      block('image', { type: 'external', external: { url: 'https://acme.dev/a.png' }, caption: [text('Diagram')] }),
      block('file', { type: 'file', file: hosted, caption: [], name: 'plan.pdf' }),
      block('pdf', { type: 'file', file: hosted, caption: [] }),
      block('link_to_page', { type: 'page_id', page_id: pageId }),
      block('table_of_contents', { color: 'default' }),
      block('column_list', {}, [block('column', {}, [block('paragraph', { ...rich(text('left')), icon: null })]), block('column', {}, [block('paragraph', { ...rich(text('right')), icon: null })])]),
    ], { pageId, time: '2026-11-20T12:00:00.000Z', userId: pageId });
    const child = { ...nodes[0]!.block, id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', type: 'child_page', child_page: { title: 'Sub [page]' } } as unknown as typeof nodes[0]['block'];
    const database = { ...nodes[0]!.block, id: 'ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee', type: 'child_database', child_database: { title: 'Tasks' } } as unknown as typeof nodes[0]['block'];
    assert.equal(markdownOfBlocks([...nodes, { block: child, children: [] }, { block: database, children: [] }]), [
      '[https://acme.dev](https://acme.dev)', '', '[Flows](https://figma.com/f)', '', '![Diagram](https://acme.dev/a.png)', '',
      '[plan.pdf](https://files.notion.so/a/plan.pdf)', '', '[PDF](https://files.notion.so/a/plan.pdf)', '',
      '[Linked page](https://www.notion.so/11111111222243338444555555555555)', '', 'left', '', 'right', '',
      '📄 [Sub \\[page\\]](https://www.notion.so/aaaaaaaabbbb4ccc8dddeeeeeeeeeeee)', '', '🗃️ [Tasks](https://www.notion.so/ffffffffbbbb4ccc8dddeeeeeeeeeeee)',
    ].join('\n'));
  });
});
