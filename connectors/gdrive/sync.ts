import type { drive_v3 } from '@googleapis/drive';
import type { ConnectorRuntime, ItemDraft, ItemKey, SpooledFile, SyncContext } from '../../src/sync/connector.ts';
import { mapConcurrent } from '../../src/sync/concurrency.ts';
import { googleStatus } from '../../src/sync/google.ts';
import { classify, createClient } from './client.ts';
import { type DriveCursor, cursorOf } from './cursor.ts';
import { exports, folderType, isSynced } from './formats.ts';
import { folderFingerprint, mapFile, refileFile } from './map.ts';
import { type DriveFile, type Places, fileFields } from './types.ts';

type Client = drive_v3.Drive;

const pageSize = 100;
/** Downloads in flight at once. */
const fetchConcurrency = 4;
/** Files larger than this (`extra.maxFileMB`, default 50) are not downloaded. */
const defaultMaxFileMB = 50;
const allDrives = { supportsAllDrives: true, includeItemsFromAllDrives: true } as const;

/**
 * Google Drive: a first sync lists every file the account sees, shared drives
 * included (`files.list`, `corpora=allDrives`), downloading ordinary files and
 * exporting Docs (Markdown), Sheets (CSV) and Slides (text); every page is
 * committed with its page token. It starts from `changes.getStartPageToken`,
 * and from then on `changes.list` names what changed: trashed or removed files
 * become tombstones, others are downloaded again. A changed folder (renamed,
 * most often) has its children listed: those filed under another folder name
 * (their fingerprint) get new metadata, their bytes kept, since Drive reports
 * no change of them.
 */
async function sync(ctx: SyncContext): Promise<void> {
  const run = new DriveRun(ctx);
  let cursor = cursorOf(ctx.cursor);
  if (cursor.listing) cursor = await run.list(cursor);
  else if (cursor.changes === undefined) cursor = await run.list(await run.startListing());
  else {
    cursor = await run.replay(cursor);
    if (!ctx.full) return;
    cursor = await run.list(await run.startListing());
  }
  await run.replay(cursor);
}

class DriveRun {
  readonly #ctx: SyncContext;
  readonly #client: Client;
  readonly #folders = new Map<string, string>();
  #drives: Promise<Map<string, string>> | undefined;
  readonly #maxBytes: number;

  constructor(ctx: SyncContext) {
    this.#ctx = ctx;
    this.#client = createClient(ctx);
    const limit = Number(ctx.credentials.extra.maxFileMB);
    this.#maxBytes = (Number.isFinite(limit) && limit > 0 ? limit : defaultMaxFileMB) * 1_048_576;
  }

  #options() {
    return { signal: this.#ctx.signal };
  }

  async startListing(): Promise<DriveCursor> {
    const { data } = await this.#ctx.call(() => this.#client.changes.getStartPageToken({ supportsAllDrives: true }, this.#options()));
    this.#ctx.beginListing();
    return { changes: data.startPageToken!, listing: true, pageToken: '' };
  }

  async list(start: DriveCursor): Promise<DriveCursor> {
    let cursor = start;
    while (cursor.listing) {
      const { data } = await this.#ctx.call(() => this.#client.files.list({
        ...allDrives, corpora: 'allDrives', q: 'trashed = false', pageSize, fields: `nextPageToken,files(${fileFields})`,
        ...(cursor.pageToken ? { pageToken: cursor.pageToken } : {}),
      }, this.#options()));
      const files = (data.files ?? []).filter((file) => file.mimeType !== folderType && isSynced(file.mimeType ?? ''));
      const wanted = this.#ctx.check('file', files.map((file) => ({ externalId: file.id!, updatedAt: Date.parse(file.modifiedTime!) })));
      const items = await this.#download(files.filter((file) => wanted.has(file.id!)));
      cursor = data.nextPageToken ? { ...cursor, pageToken: data.nextPageToken } : { changes: cursor.changes! };
      this.#ctx.commit({ items, cursor });
    }
    this.#ctx.endListing();
    return cursor;
  }

  /** Reads changes from the cursor's token to the end; returns the cursor at the new start token. */
  async replay(start: DriveCursor): Promise<DriveCursor> {
    let token = start.changes!;
    for (;;) {
      const { data } = await this.#ctx.call(() => this.#client.changes.list({
        ...allDrives, pageToken: token, includeRemoved: true, pageSize,
        fields: `nextPageToken,newStartPageToken,changes(fileId,removed,changeType,file(${fileFields}))`,
      }, this.#options()));
      const gone: ItemKey[] = [];
      const changed = new Map<string, DriveFile>();
      const folders = new Set<string>();
      for (const change of data.changes ?? []) {
        if (change.changeType === 'drive' || !change.fileId) continue;
        const file = change.file;
        if (change.removed || !file || file.trashed) {
          changed.delete(change.fileId);
          gone.push({ kind: 'file', externalId: change.fileId });
        } else if (file.mimeType === folderType) {
          this.#folders.set(file.id!, file.name ?? '');
          folders.add(file.id!);
        } else if (isSynced(file.mimeType ?? '')) changed.set(change.fileId, file);
      }
      const refiled: DriveFile[] = [];
      for (const folder of folders) {
        const contents = await this.#folderContents(folder);
        for (const file of contents.outdated) if (!changed.has(file.id!)) changed.set(file.id!, file);
        refiled.push(...contents.refiled.filter((file) => !changed.has(file.id!)));
      }
      const items = await this.#download([...changed.values()]);
      const places = refiled.length > 0 ? await this.#places(refiled) : undefined;
      const metadataOnly = places ? refiled.map((file) => refileFile(file, places)) : [];
      token = data.nextPageToken ?? data.newStartPageToken!;
      this.#ctx.commit({ items, metadataOnly, deleted: gone, cursor: { changes: token } });
      if (!data.nextPageToken) return { changes: token };
    }
  }

  /**
   * The synced files directly in a folder that the store lacks or holds older
   * (`outdated`), and the others the store files under another folder name
   * (`refiled`).
   */
  async #folderContents(folderId: string): Promise<{ outdated: DriveFile[]; refiled: DriveFile[] }> {
    const fingerprint = folderFingerprint(this.#folders.get(folderId) ?? null);
    const outdated: DriveFile[] = [];
    const refiled: DriveFile[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await this.#ctx.call(() => this.#client.files.list({
        ...allDrives, corpora: 'allDrives', q: `'${folderId}' in parents and trashed = false`, pageSize, fields: `nextPageToken,files(${fileFields})`,
        ...(pageToken ? { pageToken } : {}),
      }, this.#options()));
      // A file is filed under its first parent only (Drive gives files one parent since 2020).
      const files = (data.files ?? []).filter((file) => file.parents?.[0] === folderId && file.mimeType !== folderType && isSynced(file.mimeType ?? ''));
      const versions = files.map((file) => ({ externalId: file.id!, updatedAt: Date.parse(file.modifiedTime!) }));
      const stale = this.#ctx.check('file', versions);
      const misfiled = this.#ctx.check('file', versions.map((version) => ({ ...version, fingerprint })));
      outdated.push(...files.filter((file) => stale.has(file.id!)));
      refiled.push(...files.filter((file) => misfiled.has(file.id!) && !stale.has(file.id!)));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    return { outdated, refiled };
  }

  async #download(files: readonly DriveFile[]): Promise<ItemDraft[]> {
    if (files.length === 0) return [];
    const places = await this.#places(files);
    const items = await mapConcurrent(files, fetchConcurrency, async (file) => {
      if (Number(file.size ?? 0) > this.#maxBytes) {
        this.#ctx.log(`skipped ${file.id}: ${file.size} bytes is over extra.maxFileMB`);
        return undefined;
      }
      const content = await this.#content(file);
      return content && mapFile(file, content, places);
    });
    return items.filter((item) => item !== undefined);
  }

  /**
   * A file's bytes, exported for Google editor files, native otherwise; spooled
   * to disk as they arrive when large. Undefined when the file is gone.
   */
  async #content(file: DriveFile): Promise<SpooledFile | undefined> {
    const exported = exports[file.mimeType ?? ''];
    return this.#ctx.call(async () => {
      try {
        const response = exported
          ? await this.#client.files.export({ fileId: file.id!, mimeType: exported.mimeType }, { ...this.#options(), responseType: 'stream' })
          : await this.#client.files.get({ fileId: file.id!, alt: 'media', supportsAllDrives: true }, { ...this.#options(), responseType: 'stream' });
        return await this.#ctx.spool(response.data as unknown as AsyncIterable<Uint8Array>);
      } catch (error) {
        if (googleStatus(error) === 404) return undefined;
        throw error;
      }
    });
  }

  /** Names of the parent folders and shared drives of `files`, read once per run. */
  async #places(files: readonly DriveFile[]): Promise<Places> {
    const unknown = [...new Set(files.map((file) => file.parents?.[0]).filter((id): id is string => Boolean(id) && !this.#folders.has(id!)))];
    await mapConcurrent(unknown, fetchConcurrency, async (id) => {
      const folder = await this.#ctx.call(async () => {
        try {
          return (await this.#client.files.get({ fileId: id, fields: 'id,name', supportsAllDrives: true }, this.#options())).data;
        } catch (error) {
          if (googleStatus(error) === 404) return undefined;
          throw error;
        }
      });
      this.#folders.set(id, folder?.name ?? '');
    });
    const drives = files.some((file) => file.driveId) ? await this.#driveNames() : new Map<string, string>();
    return { folders: this.#folders, drives };
  }

  #driveNames(): Promise<Map<string, string>> {
    this.#drives ??= (async () => {
      const names = new Map<string, string>();
      let pageToken: string | undefined;
      do {
        const { data } = await this.#ctx.call(() => this.#client.drives.list({ pageSize: 100, ...(pageToken ? { pageToken } : {}) }, this.#options()));
        for (const drive of data.drives ?? []) names.set(drive.id!, drive.name ?? '');
        pageToken = data.nextPageToken ?? undefined;
      } while (pageToken);
      return names;
    })();
    this.#drives.catch(() => { this.#drives = undefined; });
    return this.#drives;
  }
}

export const runtime: ConnectorRuntime = {
  async describeAccount(ctx) {
    const { data } = await ctx.call(() => createClient(ctx).about.get({ fields: 'user' }, { signal: ctx.signal }));
    const user = data.user ?? {};
    return { id: user.emailAddress ?? user.permissionId ?? 'unknown', ...(user.displayName ? { name: user.displayName } : {}), ...(user.emailAddress ? { email: user.emailAddress } : {}) };
  },
  sync,
  classify,
};
