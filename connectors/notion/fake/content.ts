import { people } from '../../../src/sync/fake/people.ts';
import { SeededRandom } from '../../../src/sync/fake/random.ts';
import { workBody, workTitle } from '../../../src/sync/fake/text.ts';
import type { BlockNode, BlockObjectResponse, RichTextItemResponse, UserObjectResponse } from '../types.ts';
import { type BlockPlace, blockOf, equation, mentionDate, mentionUser, notionId, person, text } from './objects.ts';

/** What a page is about decides what its blocks say. */
export type Shape = 'section' | 'wiki' | 'meeting' | 'spec' | 'task';

/** A block to build: its type, the object under the type's key, and the blocks it holds. */
export interface BlockSpec {
  type: BlockObjectResponse['type'];
  content: object;
  children?: BlockSpec[];
}

const users = people.map((member) => person(member.name, member.email));
const rich = (...items: RichTextItemResponse[]) => ({ rich_text: items, color: 'default' });
const spec = (type: BlockObjectResponse['type'], content: object, children?: BlockSpec[]): BlockSpec => ({ type, content, ...(children ? { children } : {}) });

export const paragraph = (...items: RichTextItemResponse[]) => spec('paragraph', { ...rich(...items), icon: null });
const heading = (level: 1 | 2 | 3, title: string) => spec(`heading_${level}`, { ...rich(text(title)), is_toggleable: false });
const bullet = (value: string, children?: BlockSpec[]) => spec('bulleted_list_item', rich(text(value)), children);
const numbered = (value: string, children?: BlockSpec[]) => spec('numbered_list_item', rich(text(value)), children);
const todo = (checked: boolean, ...items: RichTextItemResponse[]) => spec('to_do', { ...rich(...items), checked });
const hosted = (name: string) => ({ url: `https://prod-files-secure.s3.us-west-2.amazonaws.com/acme/${name}?X-Amz-Signature=0f1e2d3c&X-Amz-Expires=3600`, expiry_time: '2026-11-20T13:00:00.000Z' });

function meeting(random: SeededRandom, date: string, attendees: UserObjectResponse[]): BlockSpec[] {
  const [first, second] = attendees as [UserObjectResponse, UserObjectResponse];
  return [
    spec('callout', { ...rich(mentionDate(date), text(' · attendees '), mentionUser(first), text(', '), mentionUser(second)), icon: { type: 'emoji', emoji: '📅' } }),
    heading(2, 'Agenda'),
    bullet('Metrics review'),
    bullet(`Blockers on ${workTitle(random).toLowerCase()}`, [bullet('Waiting on the platform team')]),
    bullet('Hiring update'),
    heading(2, 'Notes'),
    paragraph(text('We agreed to '), text('ship behind a flag', { bold: true }), text(' and to revisit in '), text('two weeks', { italic: true }), text('; see '), text('the runbook', {}, 'https://acme.dev/runbook'), text(' and run '), text('make deploy', { code: true }), text('.')),
    spec('toggle', rich(text('Discussion details')), [paragraph(text(workBody(random, people).split('\n\n')[0]!))]),
    heading(2, 'Action items'),
    todo(random.chance(0.5), mentionUser(first), text(' writes the rollout plan')),
    todo(random.chance(0.5), mentionUser(second), text(' checks the dashboards ~daily~ after the release')),
  ];
}

function specPage(random: SeededRandom): BlockSpec[] {
  const thing = workTitle(random);
  return [
    heading(1, 'Overview'),
    paragraph(text(`This spec covers: ${thing}.`), text(' Old approach', { strikethrough: true }), text(' replaced by a queue.')),
    heading(2, 'Goals'),
    numbered('Keep p95 latency under 200 ms', [numbered('Measured at the load balancer')]),
    numbered('No data loss on deploy'),
    numbered('Rollback in one step'),
    spec('quote', rich(text('Make the common case fast and the rare case correct.'))),
    heading(3, 'API'),
    spec('code', { rich_text: [text('export async function retry<T>(fn: () => Promise<T>): Promise<T> {\n  return fn();\n}')], caption: [], language: 'typescript' }),
    spec('table', { table_width: 3, has_column_header: true, has_row_header: false }, [
      spec('table_row', { cells: [[text('Option')], [text('Cost')], [text('Risk')]] }),
      spec('table_row', { cells: [[text('Queue')], [text('$120/mo')], [text('low | tested')]] }),
      spec('table_row', { cells: [[text('Cron')], [text('$0')], [text('high', { bold: true })]] }),
    ]),
    spec('divider', {}),
    spec('equation', { expression: 'p_{95} \\le 200\\,\\mathrm{ms}' }),
    paragraph(text('Error budget: '), equation('1 - 0.999')),
    spec('bookmark', { url: 'https://martinfowler.com/articles/feature-toggles.html', caption: [] }),
    spec('image', { type: 'file', file: hosted('architecture.png'), caption: [text('Architecture')] }),
    spec('embed', { url: 'https://www.figma.com/file/acme-flows', caption: [] }),
    spec('file', { type: 'file', file: hosted('load-test.pdf'), caption: [], name: 'load-test.pdf' }),
  ];
}

function wiki(random: SeededRandom): BlockSpec[] {
  return [
    paragraph(text('How we work on '), text(workTitle(random).toLowerCase(), { bold: true }), text('.')),
    heading(2, 'Steps'),
    numbered('Open a branch'),
    numbered('Run the tests'),
    spec('code', { rich_text: [text('npm test -- --watch')], caption: [text('runs on save')], language: 'shell' }),
    spec('callout', { ...rich(text('Never deploy on Fridays.')), icon: { type: 'emoji', emoji: '⚠️' } }, [paragraph(text('Unless it is an incident fix.'))]),
    spec('column_list', {}, [spec('column', {}, [paragraph(text('Left: owners'))]), spec('column', {}, [paragraph(text('Right: escalation'))])]),
    spec('link_to_page', { type: 'page_id', page_id: notionId('page:home') }),
    spec('table_of_contents', { color: 'default' }),
  ];
}

function task(random: SeededRandom): BlockSpec[] {
  const body = workBody(random, people).split('\n\n')[0]!;
  return [paragraph(text(body)), todo(random.chance(0.5), text('Reproduce')), todo(false, text('Write a fix'))];
}

/** The blocks a page of a shape holds, the same for the same seed. */
export function contentOf(shape: Shape, seed: string, date: string): BlockSpec[] {
  const random = new SeededRandom([...seed].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261));
  if (shape === 'meeting') return meeting(random, date, [random.pick(users), random.pick(users)]);
  if (shape === 'spec') return specPage(random);
  if (shape === 'wiki') return wiki(random);
  if (shape === 'task') return task(random);
  return [paragraph(text('Start here. Everything the team writes down lives below.'))];
}

/** Builds specs into blocks with ids, parents and times; ordinals go depth first from `first`. */
export function buildBlocks(specs: readonly BlockSpec[], place: Omit<BlockPlace, 'ordinal' | 'parentId'>, first = 0): BlockNode[] {
  let ordinal = first;
  const build = (list: readonly BlockSpec[], parentId: string): BlockNode[] => list.map((item) => {
    const at = { ...place, parentId, ordinal: ordinal++ };
    const block = blockOf(at, item.type, item.content, (item.children?.length ?? 0) > 0);
    return { block, children: build(item.children ?? [], block.id) };
  });
  return build(specs, place.pageId);
}
