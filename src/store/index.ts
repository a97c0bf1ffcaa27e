import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BlobStore } from './blobs.ts';
import { ChangeCounter } from './changes.ts';
import { ConnectionStore } from './connections.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { FolderItemStore } from './folder-items.ts';
import { FolderQueryStore } from './folder-queries.ts';
import { ItemQueryStore } from './item-query.ts';
import { ItemStore } from './items.ts';
import { SmartFolderStore } from './smart-folders.ts';
import { SyncStateStore } from './sync-state.ts';
import { TokenStore } from './tokens.ts';
import { WorkspaceStore } from './workspaces.ts';

/** The agent's state: one SQLite file, one typed store per table family. The only code that writes SQL. */
export interface Store {
  db: SqliteDatabase;
  /** Moves whenever something the mounted tree shows changes. */
  changes: ChangeCounter;
  workspaces: WorkspaceStore;
  tokens: TokenStore;
  connections: ConnectionStore;
  smartFolders: SmartFolderStore;
  items: ItemStore;
  /** Large item contents, as files beside the database. */
  blobs: BlobStore;
  folderItems: FolderItemStore;
  /** Smart-folder queries as compiled, and evaluation over items (src/guidance/ drives both). */
  folderQueries: FolderQueryStore;
  itemQueries: ItemQueryStore;
  syncState: SyncStateStore;
  close(): void;
}

export function openStore(path: string): Store {
  const db = openDatabase(path);
  const tokens = new TokenStore(db);
  const changes = new ChangeCounter();
  const blobs = new BlobStore(path === ':memory:' ? join(tmpdir(), `airstore-blobs-${process.pid}`) : join(dirname(path), 'blobs'));
  const items = new ItemStore(db, changes, blobs);
  return {
    db,
    changes,
    workspaces: new WorkspaceStore(db, () => {
      tokens.forgetGrants();
      changes.bump();
    }),
    tokens,
    connections: new ConnectionStore(db, changes),
    smartFolders: new SmartFolderStore(db, changes),
    items,
    blobs,
    folderItems: new FolderItemStore(db, changes),
    folderQueries: new FolderQueryStore(db),
    itemQueries: new ItemQueryStore(db),
    syncState: new SyncStateStore(db, items),
    close: () => db.close(),
  };
}
