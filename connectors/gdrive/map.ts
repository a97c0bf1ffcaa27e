import type { ItemDraft, MetadataUpdate, SpooledFile } from '../../src/sync/connector.ts';
import { exports, fileTypeOf } from './formats.ts';
import type { DriveFile, Places } from './types.ts';

/** The metadata guidance filters on; keys are the fields `index.ts` declares. */
export interface DriveMetadata {
  file_type: string;
  mime_type: string;
  owner: string | null;
  folder: string | null;
  shared_drive: string | null;
  starred: boolean;
  shared_with_me: boolean;
  created: string;
  modified: string;
}

/** A Drive name as a file name: path separators and control characters replaced, no leading dot. */
function safeName(name: string): string {
  return name.replace(/[/\\\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 200) || 'untitled';
}

/** The file name: the Drive name, plus the export's extension for a Google Docs, Sheets or Slides file. */
export function fileNameOf(file: DriveFile): string {
  const name = safeName(file.name ?? file.id!);
  const exported = exports[file.mimeType ?? ''];
  return exported ? `${name}.${exported.extension}` : name;
}

/** A Drive file and its bytes (native, or the export; a large file spooled to disk) → the item the store keeps. */
export function mapFile(file: DriveFile, { content, head }: SpooledFile, places: Places): ItemDraft {
  const metadata = metadataOf(file, places);
  const text = exports[file.mimeType ?? ''] || /^text\//.test(file.mimeType ?? '') ? head.toString('utf8').slice(0, 100_000) : '';
  return {
    kind: 'file',
    externalId: file.id!,
    title: file.name ?? file.id!,
    fileName: fileNameOf(file),
    body: [file.name ?? '', text].filter(Boolean).join('\n\n'),
    metadata: { ...metadata },
    content,
    createdAt: Date.parse(file.createdTime!),
    updatedAt: Date.parse(file.modifiedTime!),
    fingerprint: folderFingerprint(metadata.folder),
  };
}

/** A stored file's new filing (its folder renamed): metadata alone, its bytes kept. */
export function refileFile(file: DriveFile, places: Places): MetadataUpdate {
  const metadata = metadataOf(file, places);
  return { kind: 'file', externalId: file.id!, metadata: { ...metadata }, fingerprint: folderFingerprint(metadata.folder) };
}

function metadataOf(file: DriveFile, places: Places): DriveMetadata {
  const owner = file.owners?.[0];
  const parent = file.parents?.[0];
  return {
    file_type: fileTypeOf(file.mimeType ?? ''),
    mime_type: file.mimeType ?? 'application/octet-stream',
    owner: owner?.emailAddress ?? owner?.displayName ?? null,
    folder: (parent && places.folders.get(parent)) || null,
    shared_drive: (file.driveId && places.drives.get(file.driveId)) || null,
    starred: file.starred ?? false,
    shared_with_me: !file.driveId && file.ownedByMe === false,
    created: new Date(file.createdTime!).toISOString(),
    modified: new Date(file.modifiedTime!).toISOString(),
  };
}

/**
 * The name of the folder a file is filed under: renaming a folder changes no
 * file in it, so a sync that sees the folder change compares this to know
 * which files to read again.
 */
export function folderFingerprint(folder: string | null): string {
  return folder ?? '';
}
