/**
 * The one catalogue of airstore's errors. Each code is stable: scripts and the
 * SDK match on it, so a retired code is never reused for another meaning.
 * `docs/errors.md` documents every code here (test/errors.test.ts checks it).
 *
 * Messages are templates: each `%s` is replaced, in order, by an argument of
 * `new AirstoreError(code, ...args)`. Arguments never carry secrets.
 */
export const errorCatalogue = {
  invalid_request: { status: 400, message: 'invalid request: %s' },
  invalid_json: { status: 400, message: 'request body is not valid JSON: %s' },
  invalid_path: { status: 400, message: 'invalid path %s: %s' },
  auth_required: { status: 401, message: 'missing credentials: send "Authorization: Bearer <admin key or tok_…>"' },
  no_api_key: { status: 401, message: 'no API key: set AIRSTORE_API_KEY, or run where the agent keeps %s' },
  token_required: { status: 401, message: 'a workspace token is needed: pass --token tok_… or set AIRSTORE_TOKEN' },
  invalid_token: { status: 401, message: 'the API key or token is not valid' },
  token_expired: { status: 401, message: 'the token has expired' },
  token_revoked: { status: 401, message: 'the token has been revoked' },
  forbidden: { status: 403, message: 'a workspace token cannot %s; use the admin key' },
  host_not_allowed: { status: 403, message: 'Host header "%s" is not allowed; the agent answers loopback names and --allow-host names only' },
  origin_not_allowed: { status: 403, message: 'Origin "%s" is not allowed; only pages served from loopback may call the agent' },
  route_not_found: { status: 404, message: 'no route %s' },
  workspace_not_found: { status: 404, message: 'workspace not found: %s' },
  connection_not_found: { status: 404, message: 'connection not found: %s' },
  smart_folder_not_found: { status: 404, message: 'smart folder not found: %s' },
  token_not_found: { status: 404, message: 'token not found: %s' },
  path_not_found: { status: 404, message: 'no such file or directory: %s' },
  read_only: { status: 403, message: '%s is read-only: the mount only allows mkdir <integration>/<name>, which creates a smart folder' },
  workspace_exists: { status: 409, message: 'a workspace named "%s" already exists' },
  connection_exists: { status: 409, message: 'workspace %s already has a %s connection; delete it first to replace it' },
  smart_folder_exists: { status: 409, message: 'a smart folder at %s already exists' },
  body_too_large: { status: 413, message: 'request body is larger than %s bytes' },
  unsupported_media_type: { status: 415, message: 'request body must be application/json, not %s' },
  missing_credentials: { status: 422, message: 'a %s connection needs %s' },
  invalid_filter: { status: 422, message: 'invalid filter for %s: %s' },
  invalid_folder_name: { status: 422, message: 'smart folder name "%s" has no letters or digits to make a directory name from' },
  sync_not_supported: { status: 422, message: 'this agent runs without a sync scheduler' },
  agent_running: { status: 409, message: 'an airstore agent (pid %s) is already running on data directory %s at %s' },
  listen_failed: { status: 500, message: 'cannot listen on %s: %s' },
  mount_failed: { status: 500, message: 'cannot mount or unmount %s: %s' },
  addon_unavailable: { status: 500, message: 'cannot load the native module %s: %s' },
  agent_unreachable: { status: 503, message: 'cannot reach the airstore agent at %s: %s' },
  store_version_too_new: { status: 500, message: 'the data directory was written by a newer airstore (schema %s, this build knows %s); upgrade airstore' },
  data_dir_unusable: { status: 500, message: 'data directory %s is unusable: %s' },
  secret_unreadable: { status: 500, message: 'cannot decrypt stored credentials: %s' },
  provider_auth_failed: { status: 502, message: 'the provider refused the credentials: %s' },
  provider_rate_limited: { status: 503, message: 'the provider is rate limiting requests: %s' },
  provider_unavailable: { status: 502, message: 'the provider is unavailable: %s' },
  provider_error: { status: 502, message: 'the sync failed: %s' },
  internal_error: { status: 500, message: 'internal error: %s' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export class AirstoreError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, ...args: Array<string | number>) {
    const entry = errorCatalogue[code];
    let index = 0;
    super(entry.message.replace(/%s/g, () => String(args[index++] ?? '')));
    this.name = 'AirstoreError';
    this.code = code;
    this.status = entry.status;
  }
}

export function isAirstoreError(error: unknown): error is AirstoreError {
  return error instanceof AirstoreError;
}
