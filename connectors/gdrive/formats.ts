/** How each Google editor type is exported, and how a MIME type reads as a `file_type`. */
export const folderType = 'application/vnd.google-apps.folder';

export const exports: Readonly<Record<string, { mimeType: string; extension: string }>> = {
  'application/vnd.google-apps.document': { mimeType: 'text/markdown', extension: 'md' },
  'application/vnd.google-apps.spreadsheet': { mimeType: 'text/csv', extension: 'csv' },
  'application/vnd.google-apps.presentation': { mimeType: 'text/plain', extension: 'txt' },
};

export type FileType = 'document' | 'spreadsheet' | 'presentation' | 'pdf' | 'image' | 'folder' | 'other';

export function fileTypeOf(mimeType: string): FileType {
  if (mimeType === folderType) return 'folder';
  if (mimeType === 'application/pdf') return 'pdf';
  if (mimeType.startsWith('image/')) return 'image';
  if (/document|wordprocessingml|msword|text\/markdown|text\/plain|opendocument\.text/.test(mimeType)) return 'document';
  if (/spreadsheet|sheet|excel|text\/csv/.test(mimeType)) return 'spreadsheet';
  if (/presentation|powerpoint/.test(mimeType)) return 'presentation';
  return 'other';
}

/** Other Google types (forms, drawings, sites, shortcuts) have no export an agent can read. */
export function isSynced(mimeType: string): boolean {
  return !mimeType.startsWith('application/vnd.google-apps.') || mimeType in exports;
}
