import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureDataset } from './fake/dataset.ts';
import { expectedItems } from './fake/items.ts';
import { NotionFake } from './fake/server.ts';
import { notion } from './index.ts';
import { kindOf, mapPage } from './map.ts';
import type { PageObjectResponse } from './types.ts';

const fake = new NotionFake(fixtureDataset());
const items = expectedItems(fake);

/**
 * A strict reader for the YAML front matter emits: `key: scalar`, a key over a
 * block list or a map indented two spaces; a scalar is null, a boolean, a
 * number, `[]`, `{}`, a JSON-quoted string, or a plain string YAML reads as
 * itself. Anything else throws, so what passes is YAML meaning what we meant.
 */
function readFrontMatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('no front matter');
  const scalar = (raw: string): unknown => {
    if (raw === 'null') return null;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    if (raw === '[]') return [];
    if (raw === '{}') return {};
    if (raw.startsWith('"')) return JSON.parse(raw);
    if (/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(raw) || raw.includes(': ') || raw.includes(' #') || raw.endsWith(':') || raw.endsWith(' ')) throw new Error(`ambiguous plain scalar: ${raw}`);
    if (/^(yes|no|on|off|y|n|~)$/i.test(raw)) throw new Error(`plain scalar YAML 1.1 reads as another type: ${raw}`);
    return raw;
  };
  const read = (lines: string[], indent: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    while (lines.length > 0 && lines[0]!.startsWith(indent) && !lines[0]!.startsWith(`${indent} `)) {
      const line = lines.shift()!.slice(indent.length);
      const entry = /^("(?:[^"\\]|\\.)*"|[A-Za-z_][\w ./()-]*?):(?: (.*))?$/.exec(line);
      if (!entry) throw new Error(`not a YAML entry: ${line}`);
      const name = scalar(entry[1]!) as string;
      if (name in out) throw new Error(`duplicate key ${name}`);
      if (entry[2] !== undefined) out[name] = scalar(entry[2]);
      else if (lines[0]?.startsWith(`${indent}  - `)) {
        const list: unknown[] = [];
        while (lines[0]?.startsWith(`${indent}  - `)) list.push(scalar(lines.shift()!.slice(indent.length + 4)));
        out[name] = list;
      } else out[name] = read(lines, `${indent}  `);
    }
    return out;
  };
  const lines = match[1]!.split('\n');
  const parsed = read(lines, '');
  if (lines.length > 0) throw new Error(`unread lines: ${lines.join(' | ')}`);
  return parsed;
}

describe('notion map and render', () => {
  it('maps a database row to a whole item, its properties in the front matter', () => {
    const row = items.find((item) => item.kind === 'database_row' && (item.metadata.tags as string[]).length > 0)!;
    const { content, body, ...item } = row;
    assert.deepEqual(Object.keys(item.metadata).sort(), Object.keys(notion.fields).sort(), 'metadata keys are the declared fields');
    assert.equal(item.metadata.database, 'Tasks');
    assert.equal(item.metadata.parent, 'Engineering Wiki');
    assert.match(item.fileName, /^[0-9a-f]{8}_[a-z0-9-]+\.md$/);
    const front = readFrontMatter(content.toString());
    assert.equal(front.title, item.title);
    assert.equal(front.database, 'Tasks');
    const properties = front.properties as Record<string, unknown>;
    assert.deepEqual(Object.keys(properties), ['Status', 'Tags', 'Assignee', 'Due', 'Priority', 'Estimate', 'Blocked', 'ID']);
    assert.equal(properties.Status, item.metadata.status);
    assert.deepEqual(properties.Tags, item.metadata.tags);
    assert.match(String(properties.ID), /^TASK-\d+$/);
    assert.ok(body.includes(`Status: ${item.metadata.status}`), 'property values are searchable');
    assert.ok(content.toString().includes(`\n# ${item.title}\n`));
  });

  it('names a page\'s parent, author and editor', () => {
    const page = items.find((item) => item.kind === 'page' && item.metadata.parent === 'Meeting Notes')!;
    assert.equal(page.metadata.database, null);
    assert.deepEqual(page.metadata.tags, []);
    assert.equal(typeof page.metadata.author, 'string');
    assert.equal(typeof page.metadata.edited_by, 'string');
  });

  it('writes front matter that parses as YAML for every fixture page', () => {
    for (const item of items) assert.doesNotThrow(() => readFrontMatter(item.content.toString()), item.fileName);
  });

  it('quotes property names and values YAML would misread', () => {
    const [row] = fake.livePages().filter((page) => kindOf(page) === 'database_row');
    const tricky: PageObjectResponse = {
      ...row!, properties: {
        ...row!.properties,
        'Due: date': { id: 'x1', type: 'rich_text', rich_text: [{ type: 'text', text: { content: 'no', link: null }, annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' }, plain_text: 'no', href: null }] },
        '#tag': { id: 'x2', type: 'multi_select', multi_select: [{ id: 'o', name: '- dash: colon', color: 'red' }] },
      },
    };
    const front = readFrontMatter(mapPage({ page: tricky, blocks: [] }, fake.lookup()).content.toString());
    const properties = front.properties as Record<string, unknown>;
    assert.equal(properties['Due: date'], 'no');
    assert.deepEqual(properties['#tag'], ['- dash: colon']);
  });
});
