import { ConnectionStore } from './connections.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { FolderItemStore } from './folder-items.ts';
import { ItemStore } from './items.ts';
import { SmartFolderStore } from './smart-folders.ts';
import { TokenStore } from './tokens.ts';
import { WorkspaceStore } from './workspaces.ts';

/** The agent's state: one SQLite file, one typed store per table family. The only code that writes SQL. */
export interface Store {
  db: SqliteDatabase;
  workspaces: WorkspaceStore;
  tokens: TokenStore;
  connections: ConnectionStore;
  smartFolders: SmartFolderStore;
  items: ItemStore;
  folderItems: FolderItemStore;
  close(): void;
}

export function openStore(path: string): Store {
  const db = openDatabase(path);
  const tokens = new TokenStore(db);
  return {
    db,
    workspaces: new WorkspaceStore(db, () => tokens.forgetGrants()),
    tokens,
    connections: new ConnectionStore(db),
    smartFolders: new SmartFolderStore(db),
    items: new ItemStore(db),
    folderItems: new FolderItemStore(db),
    close: () => db.close(),
  };
}
