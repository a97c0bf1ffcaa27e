import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { drive_v3 } from '@googleapis/drive';
import { people } from '../../../src/sync/fake/people.ts';
import { SeededRandom } from '../../../src/sync/fake/random.ts';
import { folderType } from '../formats.ts';

/** A file as the fake keeps it: its metadata and its bytes (for a Google editor file, its export). */
export interface StoredFile {
  file: drive_v3.Schema$File;
  content: Buffer;
}

export interface DriveDataset {
  user: drive_v3.Schema$User;
  drives: drive_v3.Schema$Drive[];
  files: StoredFile[];
}

const me = people[0]!;
const end = Date.parse('2026-11-20T12:00:00Z');
const day = 86_400_000;
const doc = 'application/vnd.google-apps.document';
const sheet = 'application/vnd.google-apps.spreadsheet';
const slides = 'application/vnd.google-apps.presentation';
/** The smallest valid PNG: one transparent pixel. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** The id of My Drive's root folder (the API also takes the alias `root`); files.list never lists it. */
export const rootFolderId = '0AMyDriveRootFolderUk9PVA';

export function driveFileId(index: number): string {
  return `1${(0x5f3759df + index * 2_654_435_761).toString(36).padStart(12, '0')}${index.toString(36)}`.slice(0, 33);
}

function owner(person: { name: string; email: string }) {
  return { kind: 'drive#user', displayName: person.name, emailAddress: person.email, me: person.email === me.email };
}

/** Folder and shared-drive layout: My Drive folders, and a shared drive with a folder of its own. */
function layout(): { drives: drive_v3.Schema$Drive[]; folders: StoredFile[] } {
  const drives = [{ kind: 'drive#drive', id: '0AFinanceSharedDrive', name: 'Finance Team' }];
  const folder = (id: string, name: string, driveId?: string): StoredFile => ({
    content: Buffer.alloc(0),
    file: {
      kind: 'drive#file', id, name, mimeType: folderType, parents: [driveId ?? rootFolderId], ...(driveId ? { driveId } : {}),
      owners: driveId ? undefined : [owner(me)], ownedByMe: !driveId, starred: false, trashed: false,
      createdTime: new Date(end - 400 * day).toISOString(), modifiedTime: new Date(end - 400 * day).toISOString(),
    },
  });
  return {
    drives,
    folders: [folder('1FolderProjects', 'Projects'), folder('1FolderDesign', 'Design'), folder('1FolderNotes', 'Meeting Notes'), folder('1FolderInvoices', 'Invoices', drives[0]!.id)],
  };
}

const topics = ['Q4 planning', 'Onboarding redesign', 'Search latency postmortem', 'Budget 2027', 'Hiring plan', 'Pricing experiment', 'Security review', 'Roadmap'];

/** One generated file of the mix: Docs, Sheets, Slides, PDFs, images, text; some shared with the account, some on the shared drive. */
function generated(random: SeededRandom, index: number): StoredFile {
  const topic = random.pick(topics);
  const at = end - Math.floor(random.next() * 300 * day);
  const created = at - random.int(0, 60) * day;
  const author = random.chance(0.7) ? me : random.pick(people.slice(1));
  const onSharedDrive = random.chance(0.15);
  const roll = random.next();
  let name: string;
  let mimeType: string;
  let content: Buffer;
  let parent: string;
  if (roll < 0.35) {
    name = `${topic} notes ${index}`;
    mimeType = doc;
    content = Buffer.from(`# ${topic}\n\nOwner: ${author.name}\n\n## Decisions\n\n- Ship the ${topic.toLowerCase()} work in two steps\n- Review again in ${random.int(2, 6)} weeks\n\n## Open questions\n\n1. Who owns the rollout?\n`);
    parent = random.pick(['1FolderNotes', '1FolderProjects']);
  } else if (roll < 0.55) {
    name = `${topic} budget ${index}`;
    mimeType = sheet;
    content = Buffer.from(`Item,Owner,Amount\n${Array.from({ length: random.int(2, 6) }, (_, row) => `Line ${row + 1},${random.pick(people).name},${random.int(100, 9000)}`).join('\n')}\n`);
    parent = '1FolderProjects';
  } else if (roll < 0.65) {
    name = `${topic} deck ${index}`;
    mimeType = slides;
    content = Buffer.from(`${topic}\n\nWhere we are\n\nWhat we ask for\n`);
    parent = '1FolderProjects';
  } else if (roll < 0.85) {
    name = `Invoice ${2026_000 + index}.pdf`;
    mimeType = 'application/pdf';
    content = Buffer.from(`%PDF-1.4\n% invoice ${index}\n%%EOF\n`);
    parent = onSharedDrive ? '1FolderInvoices' : '1FolderProjects';
  } else if (roll < 0.93) {
    name = `mockup-${index}.png`;
    mimeType = 'image/png';
    content = png;
    parent = '1FolderDesign';
  } else {
    name = `notes-${index}.txt`;
    mimeType = 'text/plain';
    content = Buffer.from(`Plain notes about ${topic}.\n`);
    parent = rootFolderId;
  }
  const driveId = parent === '1FolderInvoices' ? '0AFinanceSharedDrive' : undefined;
  const native = !mimeType.startsWith('application/vnd.google-apps.');
  return {
    content,
    file: {
      kind: 'drive#file', id: driveFileId(index), name, mimeType, parents: [parent], ...(driveId ? { driveId } : {}),
      ...(driveId ? {} : { owners: [owner(author)] }), ownedByMe: !driveId && author.email === me.email, starred: random.chance(0.1), trashed: false,
      ...(native ? { size: String(content.length) } : {}),
      createdTime: new Date(created).toISOString(), modifiedTime: new Date(at).toISOString(),
      webViewLink: `https://drive.google.com/file/d/${driveFileId(index)}/view`,
    },
  };
}

export function generateDataset(options: { files: number; seed?: number }): DriveDataset {
  const random = new SeededRandom(options.seed ?? 1);
  const { drives, folders } = layout();
  return {
    user: { kind: 'drive#user', displayName: me.name, emailAddress: me.email, permissionId: '01234567890123456789', me: true },
    drives,
    files: [...folders, ...Array.from({ length: options.files }, (_, index) => generated(random, index))],
  };
}

const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** `fixtures/files.list.json` (Drive's answer, folders included) and each file's bytes in `fixtures/content/<id>`. */
export function fixtureDataset(): DriveDataset {
  const listed = JSON.parse(readFileSync(join(fixtures, 'files.list.json'), 'utf8')) as drive_v3.Schema$FileList;
  const about = JSON.parse(readFileSync(join(fixtures, 'about.get.json'), 'utf8')) as drive_v3.Schema$About;
  const drives = (JSON.parse(readFileSync(join(fixtures, 'drives.list.json'), 'utf8')) as drive_v3.Schema$DriveList).drives ?? [];
  const files = (listed.files ?? []).map((file) => ({
    file, content: file.mimeType === folderType ? Buffer.alloc(0) : readFileSync(join(fixtures, 'content', file.id!)),
  }));
  return { user: about.user!, drives, files };
}
