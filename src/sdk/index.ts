import { HttpClient } from './client.ts';
import { Connections } from './resources/connections.ts';
import { Fs } from './resources/fs.ts';
import { Identities } from './resources/identity.ts';
import { SmartFolders } from './resources/smart-folders.ts';
import { Tokens } from './resources/tokens.ts';
import { Workspaces } from './resources/workspaces.ts';
import type { ClientOptions, Identity, RequestOptions, WithResponse } from './types.ts';

/**
 * The client for an airstore agent's HTTP API (docs/api.md).
 *
 * ```ts
 * import Airstore from 'airstore/sdk'
 * const airstore = new Airstore() // AIRSTORE_API_KEY, AIRSTORE_BASE_URL
 * const ws = await airstore.workspaces.create({ name: 'vm-alice' })
 * ```
 */
export class Airstore {
  readonly workspaces: Workspaces;
  readonly connections: Connections;
  readonly smartFolders: SmartFolders;
  readonly tokens: Tokens;
  readonly fs: Fs;
  readonly #identities: Identities;

  /** Throws `AirstoreError` when no API key is given and AIRSTORE_API_KEY is unset. */
  constructor(options: ClientOptions = {}) {
    const client = new HttpClient(options);
    this.workspaces = new Workspaces(client);
    this.connections = new Connections(client);
    this.smartFolders = new SmartFolders(client);
    this.tokens = new Tokens(client);
    this.fs = new Fs(client);
    this.#identities = new Identities(client);
  }

  /** Who the API key is: the admin, or a token with its workspace and expiry. */
  whoami(options?: RequestOptions): Promise<WithResponse<Identity>> {
    return this.#identities.retrieve(options);
  }
}

export default Airstore;

export {
  AirstoreError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  PayloadTooLargeError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
} from './errors.ts';

export type * from './types.ts';
