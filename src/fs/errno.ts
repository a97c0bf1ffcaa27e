import Fuse from 'fuse-native';
import { isAirstoreError } from '../errors.ts';

/** The one place an error becomes an errno for the kernel. */
export function errnoFor(error: unknown): number {
  if (!isAirstoreError(error)) return Fuse.EIO;
  switch (error.code) {
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
