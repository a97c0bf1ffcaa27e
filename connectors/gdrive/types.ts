import type { drive_v3 } from '@googleapis/drive';

export type DriveFile = drive_v3.Schema$File;

/** The file fields the connector asks for (`fields=`), in listing and change pages alike. */
export const fileFields = 'id,name,mimeType,parents,driveId,owners(displayName,emailAddress),ownedByMe,starred,trashed,size,createdTime,modifiedTime,webViewLink';

/** Names of the folders and shared drives files sit in, by id. */
export interface Places {
  folders: ReadonlyMap<string, string>;
  drives: ReadonlyMap<string, string>;
}
