import type { drive_v3 } from '@googleapis/drive';
import { GoogleFake, googleError } from '../../../src/sync/fake/google.ts';
import type { FakeReply, FakeRoute } from '../../../src/sync/fake/server.ts';
import { exports, folderType } from '../formats.ts';
import { type DriveDataset, type StoredFile, rootFolderId } from './dataset.ts';

interface Change {
  fileId: string;
  removed: boolean;
  file?: drive_v3.Schema$File;
  time: string;
}

const base = '^/drive/v3';
const pageOf = (query: URLSearchParams, max: number) => Math.min(Number(query.get('pageSize') ?? 100), max);

/**
 * Google Drive's REST API (v3) as `@googleapis/drive` calls it: `about`,
 * `files` listed by id with `pageToken`/`nextPageToken` (`corpora=allDrives`
 * needs `includeItemsFromAllDrives`), a file's bytes (`alt=media`) or a Google
 * editor file's export (`/export?mimeType=`), shared drives, and the change
 * log (`changes/startPageToken`, `changes`). Errors are Google's JSON bodies;
 * OAuth and faults come from `GoogleFake`.
 */
export class DriveFake extends GoogleFake {
  protected readonly scope = 'https://www.googleapis.com/auth/drive.readonly';
  readonly #dataset: DriveDataset;
  readonly #files = new Map<string, StoredFile>();
  readonly #changes: Change[] = [];
  #sequence = 0;

  constructor(dataset: DriveDataset) {
    super();
    this.#dataset = structuredClone(dataset);
    for (const stored of this.#dataset.files) this.#files.set(stored.file.id!, { file: stored.file, content: Buffer.from(stored.content) });
  }

  /** The files a sync should hold (not trashed, not folders), with their bytes. */
  files(): StoredFile[] {
    return [...this.#files.values()].filter(({ file }) => !file.trashed && file.mimeType !== folderType).sort((a, b) => (a.file.id! < b.file.id! ? -1 : 1));
  }

  folderNames(): Map<string, string> {
    return new Map([[rootFolderId, 'My Drive'], ...[...this.#files.values()].filter(({ file }) => file.mimeType === folderType).map(({ file }): [string, string] => [file.id!, file.name!])]);
  }

  driveNames(): Map<string, string> {
    return new Map(this.#dataset.drives.map((drive) => [drive.id!, drive.name!]));
  }

  /** Replaces a file's content, as an edit does: a new modifiedTime and a change. */
  edit(id: string, content: string): void {
    const stored = this.#files.get(id)!;
    stored.content = Buffer.from(content);
    stored.file.modifiedTime = this.#tick();
    if (stored.file.size !== undefined) stored.file.size = String(stored.content.length);
    this.#record(stored.file);
  }

  add(file: drive_v3.Schema$File, content: string | Buffer): void {
    const stored = { file: { kind: 'drive#file', trashed: false, starred: false, ownedByMe: true, createdTime: this.#tick(), modifiedTime: this.#tick(), ...file }, content: Buffer.from(content) };
    this.#files.set(file.id!, stored);
    this.#record(stored.file);
  }

  /**
   * Renames a file or folder: a change of the renamed one only. Drive moves no
   * time of the files inside a folder, nor anything the change log says of them.
   */
  rename(id: string, name: string): void {
    const stored = this.#files.get(id)!;
    stored.file.name = name;
    stored.file.modifiedTime = this.#tick();
    this.#record(stored.file);
  }

  trash(id: string): void {
    const stored = this.#files.get(id)!;
    stored.file.trashed = true;
    this.#record(stored.file);
  }

  /** Deletes a file for good: the change log says `removed`. */
  remove(id: string): void {
    this.#files.delete(id);
    this.#changes.push({ fileId: id, removed: true, time: this.#tick() });
  }

  protected override apiRoutes(): readonly FakeRoute[] {
    const route = (name: string, path: string, handle: FakeRoute['handle']): FakeRoute => ({ method: 'GET', name, pattern: new RegExp(`${base}${path}$`), handle });
    return [
      route('about.get', '/about', (request) => (request.query.get('fields') ? { status: 200, json: { kind: 'drive#about', user: this.#dataset.user } } : googleError(400, 'The \'fields\' parameter is required for this method.'))),
      route('files.list', '/files', (request) => this.#list(request.query)),
      route('files.export', '/files/([^/]+)/export', (request, [id]) => this.#export(id!, request.query)),
      route('files.get', '/files/([^/]+)', (request, [id]) => this.#get(id!, request.query)),
      route('drives.list', '/drives', (request) => this.#paged(this.#dataset.drives, request.query, 'drives', 'drive#driveList', 100)),
      route('changes.getStartPageToken', '/changes/startPageToken', () => ({ status: 200, json: { kind: 'drive#startPageToken', startPageToken: String(this.#changes.length + 1) } })),
      route('changes.list', '/changes', (request) => this.#changeList(request.query)),
    ];
  }

  #list(query: URLSearchParams): FakeReply {
    const corpora = query.get('corpora') ?? 'user';
    if (corpora === 'allDrives' && query.get('includeItemsFromAllDrives') !== 'true') {
      return googleError(400, 'The includeItemsFromAllDrives parameter must be set to true when corpora is allDrives.');
    }
    const q = (query.get('q') ?? '').replace(/\s+/g, ' ').trim();
    // The two queries a sync sends: everything not trashed, or the children of one folder.
    const within = /^'([\w-]+)' in parents and trashed ?= ?false$/.exec(q)?.[1];
    if (q && !within && q !== 'trashed = false' && q !== 'trashed=false') {
      return googleError(400, `Invalid Value: the fake understands only "trashed = false" and "'<id>' in parents and trashed = false", not ${q}`);
    }
    const all = [...this.#files.values()].map((stored) => stored.file)
      .filter((file) => !(q && file.trashed))
      .filter((file) => within === undefined || file.parents?.includes(within))
      .filter((file) => corpora === 'allDrives' || !file.driveId)
      .sort((a, b) => (a.id! < b.id! ? -1 : 1));
    return this.#paged(all, query, 'files', 'drive#fileList', 1000);
  }

  #paged<T extends { id?: string | null }>(all: readonly T[], query: URLSearchParams, key: string, kind: string, max: number): FakeReply {
    const size = pageOf(query, max);
    const after = query.get('pageToken') ? Buffer.from(query.get('pageToken')!, 'base64url').toString() : '';
    const rest = after ? all.filter((entry) => entry.id! > after) : all;
    const page = rest.slice(0, size);
    return { status: 200, json: { kind, ...(rest.length > size ? { nextPageToken: Buffer.from(page.at(-1)!.id!).toString('base64url') } : {}), [key]: page } };
  }

  #get(id: string, query: URLSearchParams): FakeReply {
    if (id === 'root' || id === rootFolderId) return { status: 200, json: { kind: 'drive#file', id: rootFolderId, name: 'My Drive', mimeType: folderType } };
    const stored = this.#files.get(id);
    if (!stored) return googleError(404, `File not found: ${id}.`);
    if (query.get('alt') !== 'media') return { status: 200, json: stored.file };
    if (stored.file.mimeType!.startsWith('application/vnd.google-apps.')) {
      return googleError(403, 'Only files with binary content can be downloaded. Use Export with Docs Editors files.');
    }
    return { status: 200, headers: { 'content-type': stored.file.mimeType! }, body: stored.content };
  }

  #export(id: string, query: URLSearchParams): FakeReply {
    const stored = this.#files.get(id);
    if (!stored) return googleError(404, `File not found: ${id}.`);
    const format = exports[stored.file.mimeType!];
    if (!format) return googleError(403, 'Export only supports Docs Editors files.');
    if (query.get('mimeType') !== format.mimeType) return googleError(400, `The requested conversion is not supported by the fake: ${query.get('mimeType')}`);
    return { status: 200, headers: { 'content-type': format.mimeType }, body: stored.content };
  }

  #changeList(query: URLSearchParams): FakeReply {
    const token = Number(query.get('pageToken'));
    if (!query.get('pageToken') || !Number.isInteger(token) || token < 1) return googleError(400, 'Invalid Value: pageToken');
    const size = pageOf(query, 1000);
    const includeRemoved = query.get('includeRemoved') !== 'false';
    const rest = this.#changes.slice(token - 1);
    const page = rest.slice(0, size);
    const more = rest.length > size;
    return {
      status: 200,
      json: {
        kind: 'drive#changeList',
        ...(more ? { nextPageToken: String(token + size) } : { newStartPageToken: String(this.#changes.length + 1) }),
        changes: page.filter((change) => includeRemoved || !change.removed).map((change) => ({
          kind: 'drive#change', changeType: 'file', fileId: change.fileId, removed: change.removed, time: change.time, ...(change.file ? { file: change.file } : {}),
        })),
      },
    };
  }

  #record(file: drive_v3.Schema$File): void {
    this.#changes.push({ fileId: file.id!, removed: false, file: structuredClone(file), time: this.#tick() });
  }

  #tick(): string {
    this.#sequence += 1;
    return new Date(Date.parse('2026-11-21T00:00:00Z') + this.#sequence * 1000).toISOString();
  }
}
