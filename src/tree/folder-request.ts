import { type IntegrationType, isIntegrationType } from '../../connectors/index.ts';
import { AirstoreError } from '../errors.ts';
import { slugify } from '../slug.ts';
import { pathSegments } from './paths.ts';

/** What `mkdir <integration>/<name>` asks for: a smart folder named `name`, whose guidance is the name. */
export interface FolderRequest {
  integration: IntegrationType;
  name: string;
  /** `invoices-from-last-week` reads as "invoices from last week". */
  guidance: string;
}

/**
 * Reads a `mkdir` path. Only `<integration>/<name>` creates anything, and only
 * when the name is already a slug: the new directory must appear under exactly
 * the name asked for, and a smart folder's directory is the slug of its name.
 */
export function folderRequest(path: string): FolderRequest {
  const segments = pathSegments(path);
  const [integration, name] = segments;
  if (segments.length !== 2 || !isIntegrationType(integration!)) throw new AirstoreError('read_only', path);
  if (slugify(name!) !== name) throw new AirstoreError('invalid_folder_name', name!);
  return { integration, name, guidance: name.replace(/[-_]+/g, ' ').trim() };
}
