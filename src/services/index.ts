import { SmartFolderEngine } from '../guidance/engine.ts';
import { modelFromEnv } from '../guidance/model.ts';
import type { CredentialCipher } from '../secrets/cipher.ts';
import type { Store } from '../store/index.ts';
import { Authenticator } from './authentication.ts';
import { ConnectionService } from './connections.ts';
import { SmartFolderService } from './smart-folders.ts';
import { SyncService, type SyncTrigger } from './sync.ts';
import { TokenService } from './tokens.ts';
import { TreeService } from './trees.ts';
import { WorkspaceService } from './workspaces.ts';

/** The operations the API (and later the mount) offers, each checking the caller's access. */
export interface Services {
  authenticator: Authenticator;
  workspaces: WorkspaceService;
  connections: ConnectionService;
  smartFolders: SmartFolderService;
  /** Smart-folder membership; the sync engine calls `folders.refreshFoldersFor` after each committed page. */
  folders: SmartFolderEngine;
  tokens: TokenService;
  sync: SyncService;
  trees: TreeService;
}

/** `sync` is the agent's sync scheduler; without one (tests of the API alone) sync requests are refused. */
export function createServices(store: Store, keys: { adminKey: string; cipher: CredentialCipher }, sync?: SyncTrigger): Services {
  const folders = new SmartFolderEngine(store, { model: modelFromEnv(process.env) });
  return {
    authenticator: new Authenticator(store, keys.adminKey),
    workspaces: new WorkspaceService(store),
    connections: new ConnectionService(store, keys.cipher),
    smartFolders: new SmartFolderService(store, folders),
    folders,
    tokens: new TokenService(store),
    sync: new SyncService(store, sync),
    trees: new TreeService(store),
  };
}
