import type { CredentialCipher } from '../secrets/cipher.ts';
import type { Store } from '../store/index.ts';
import { Authenticator } from './authentication.ts';
import { ConnectionService } from './connections.ts';
import { SmartFolderService } from './smart-folders.ts';
import { TokenService } from './tokens.ts';
import { WorkspaceService } from './workspaces.ts';

/** The operations the API (and later the mount) offers, each checking the caller's access. */
export interface Services {
  authenticator: Authenticator;
  workspaces: WorkspaceService;
  connections: ConnectionService;
  smartFolders: SmartFolderService;
  tokens: TokenService;
}

export function createServices(store: Store, keys: { adminKey: string; cipher: CredentialCipher }): Services {
  return {
    authenticator: new Authenticator(store, keys.adminKey),
    workspaces: new WorkspaceService(store),
    connections: new ConnectionService(store, keys.cipher),
    smartFolders: new SmartFolderService(store),
    tokens: new TokenService(store),
  };
}
