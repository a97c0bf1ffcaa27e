/** Objects exactly as docs/api.md defines them (snake_case, absent values `null`), and request parameters. */

export type IntegrationType = 'gmail' | 'gdrive' | 'github' | 'notion' | 'linear' | 'slack' | 'posthog';

export type FilterValue = string | number | boolean | string[];

/** Field → value, checked by the agent against the fields the integration declares. */
export type SmartFolderFilter = Record<string, FilterValue>;

export interface Workspace {
  external_id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

/** Credentials are never returned. */
export interface Connection {
  external_id: string;
  workspace_id: string;
  integration_type: IntegrationType;
  scope: string | null;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
  /** Whom the credentials belong to, once a sync has validated them. */
  account: { id: string; name?: string; email?: string } | null;
  sync: ConnectionSync;
}

export type SyncStatus = 'pending' | 'syncing' | 'ok' | 'rate_limited' | 'auth_failed' | 'error';

/** A connection's sync: its state and last error, the progress of the current (or last) run, and when it runs next. */
export interface ConnectionSync {
  status: SyncStatus;
  last_error_code: string | null;
  last_error: string | null;
  /** Live items stored. */
  items: number;
  progress: { synced: number; total: number | null };
  last_run: { added: number; updated: number; unchanged: number; deleted: number } | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_success_at: string | null;
  next_run_at: string | null;
}

export interface ConnectionSyncParams {
  /** A full listing, which also turns items deleted at the provider into tombstones. */
  full?: boolean;
}

export interface SmartFolder {
  external_id: string;
  workspace_id: string;
  integration: IntegrationType;
  name: string;
  /** Its directory in the mount: `/<integration>/<slug of name>`. */
  path: string;
  guidance: string | null;
  filter: SmartFolderFilter | null;
  created_at: string;
  updated_at: string;
}

/**
 * How a smart folder's guidance (or filter) was understood: the compiled query, in
 * JSON and in words, which words became which condition, what was left as
 * full-text terms, what could not be used, and how many items match.
 */
export interface SmartFolderExplanation {
  folder_id: string;
  path: string;
  guidance: string | null;
  filter: SmartFolderFilter | null;
  /** `compiler` (local), `model` (the optional AIRSTORE_LLM_URL endpoint) or `filter` (explicit). */
  source: 'compiler' | 'model' | 'filter';
  /** The compiled query: kinds, where, date, text, sort, limit. */
  query: Record<string, unknown>;
  readable: string;
  understood: Array<{ words: string; meaning: string }>;
  text_terms: string[];
  ignored: string[];
  problems: string[];
  /** False when nothing in the guidance could be used: the folder is then empty. */
  usable: boolean;
  model: { used: boolean; note: string } | null;
  resolved: { since: string | null; before: string | null; me: string[] | null };
  match_count: number;
  evaluated_at: string | null;
}

export interface Token {
  external_id: string;
  workspace_id: string;
  name: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}

export interface TokenCreateResponse {
  /** The raw `tok_…` value, returned this once only. */
  token: string;
  info: Token;
}

export interface WorkspaceCreateParams {
  name: string;
}

export interface ConnectionCreateParams extends ConnectionUpdateParams {
  integrationType: IntegrationType;
  scope?: string;
}

/** Credentials to replace; those left out stay as they were. `extra` replaces the old one whole. */
export interface ConnectionUpdateParams {
  accessToken?: string;
  refreshToken?: string;
  apiKey?: string;
  extra?: Record<string, string>;
}

export interface SmartFolderUpdateParams {
  name?: string;
  guidance?: string;
  filter?: SmartFolderFilter;
}

/** Exactly one of `guidance` and `filter`. */
export interface SmartFolderCreateParams extends SmartFolderUpdateParams {
  integration: IntegrationType;
  name: string;
}

export interface TokenCreateParams {
  name: string;
  /** Seconds until expiry; 0 or absent: never. */
  expiresIn?: number;
}

export interface ClientOptions {
  /** Defaults to `AIRSTORE_API_KEY`: the admin key (`adm_…`) or a workspace token (`tok_…`). */
  apiKey?: string;
  /** Defaults to `AIRSTORE_BASE_URL`, else `http://127.0.0.1:1994/api/v1`. */
  baseURL?: string;
  /** Milliseconds for one attempt, answer included; default 60000. */
  timeout?: number;
  /** Retries after the first attempt; default 2. */
  maxRetries?: number;
  defaultHeaders?: Record<string, string>;
}

/** Per-call overrides, the last argument of every method. */
export interface RequestOptions {
  timeout?: number;
  maxRetries?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** The HTTP answer behind a returned object. */
export interface LastResponse {
  statusCode: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  requestId: string | undefined;
}

/** A returned object or array, with its non-enumerable `lastResponse` (so JSON.stringify and spreads skip it). */
export type WithResponse<T> = T & { readonly lastResponse: LastResponse };

/** An entry of the workspace's tree (`airstore.fs`). */
export interface VirtualFile {
  /** Stable identifier: the path. */
  id: string;
  name: string;
  path: string;
  /** MIME type; `inode/directory` for directories. */
  type: string;
  is_folder: boolean;
  size: number;
  modified_at: string;
}

export interface FsTreePage {
  entries: VirtualFile[];
  truncated: boolean;
  continuation_token: string | null;
}

export interface FsSearchHit extends VirtualFile {
  /** The item's title. */
  title: string;
}

export interface FsPathParams {
  path?: string;
}

export interface FsReadParams {
  path: string;
  offset?: number;
  length?: number;
}

export interface FsTreeParams {
  path?: string;
  maxKeys?: number;
  continuationToken?: string;
}

export interface FsSearchParams {
  q: string;
  /** Most files to answer, 1–500 (default 50); an item in two smart folders is two files. */
  limit?: number;
}

/** What `whoami()` answers: the admin key, or a workspace token. */
export type Identity =
  | { kind: 'admin' }
  | { kind: 'token'; workspace_id: string; token_id: string; expires_at: string | null };
