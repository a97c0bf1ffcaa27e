import Fuse from 'fuse-native';
import { isAirstoreError } from '../errors.ts';
import { APIError } from '../sdk/errors.ts';

/** The error code of the agent's own errors and of the API's (for remote mounts), the same catalogue. */
function codeOf(error: unknown): string | undefined {
  if (isAirstoreError(error)) return error.code;
  return error instanceof APIError ? error.code : undefined;
}

/** The one place an error becomes an errno for the kernel. */
export function errnoFor(error: unknown): number {
  switch (codeOf(error)) {
    case 'path_not_found':
    case 'workspace_not_found':
    case 'smart_folder_not_found':
      return Fuse.ENOENT;
    case 'invalid_path':
    case 'invalid_folder_name':
    case 'invalid_request':
      return Fuse.EINVAL;
    case 'smart_folder_exists':
      return Fuse.EEXIST;
    case 'read_only':
      return Fuse.EPERM;
    case 'auth_required':
    case 'invalid_token':
    case 'token_expired':
    case 'token_revoked':
    case 'forbidden':
      return Fuse.EACCES;
    default:
      return Fuse.EIO;
  }
}
