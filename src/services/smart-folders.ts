import { type IntegrationType, connectorFor, isIntegrationType } from '../../connectors/index.ts';
import { AirstoreError } from '../errors.ts';
import type { SmartFolderEngine } from '../guidance/engine.ts';
import type { FolderExplanation } from '../guidance/explain.ts';
import { type SmartFolderFilter, validateFilter } from '../guidance/filter.ts';
import { newExternalId } from '../ids.ts';
import { slugify } from '../slug.ts';
import type { Store } from '../store/index.ts';
import type { SmartFolderDefinition, SmartFolderRecord } from '../store/smart-folders.ts';
import type { Workspace } from '../store/workspaces.ts';
import { type Principal, resolveWorkspace } from './access.ts';

export interface SmartFolderChanges {
  name?: string;
  guidance?: string;
  filter?: SmartFolderFilter;
}

export interface NewSmartFolderRequest extends SmartFolderChanges {
  integration: IntegrationType;
  name: string;
}

/** Where a smart folder appears in the mounted tree. */
export function smartFolderPath(folder: Pick<SmartFolderRecord, 'integration' | 'slug'>): string {
  return `/${folder.integration}/${folder.slug}`;
}

/** Smart folders may be managed by the admin and by the workspace's own tokens (a mount's `mkdir`). */
export class SmartFolderService {
  readonly #store: Store;
  readonly #engine: SmartFolderEngine;

  /** `engine` keeps each folder's membership current: it evaluates a folder when it is created or changed. */
  constructor(store: Store, engine: SmartFolderEngine) {
    this.#store = store;
    this.#engine = engine;
  }

  create(principal: Principal, workspaceId: string, input: NewSmartFolderRequest): SmartFolderRecord {
    const workspace = resolveWorkspace(this.#store, principal, workspaceId);
    if (input.guidance === undefined && input.filter === undefined) {
      throw new AirstoreError('invalid_request', 'a smart folder needs either "guidance" or "filter"');
    }
    const definition = this.#define(input.integration, {
      name: input.name, slug: '', guidance: null, filter: null,
    }, input);
    this.#assertFree(workspace, input.integration, definition.slug);
    const folder = this.#store.smartFolders.create({
      externalId: newExternalId('sq'), workspaceId: workspace.id, integration: input.integration, ...definition,
    });
    this.#engine.refresh(folder);
    return folder;
  }

  list(principal: Principal, workspaceId: string): SmartFolderRecord[] {
    return this.#store.smartFolders.list(resolveWorkspace(this.#store, principal, workspaceId).id);
  }

  get(principal: Principal, workspaceId: string, folderId: string): SmartFolderRecord {
    return this.#find(resolveWorkspace(this.#store, principal, workspaceId), folderId);
  }

  /** By its directory in the mounted tree, e.g. `/github/open-prs` (slashes around it optional). */
  getByPath(principal: Principal, workspaceId: string, path: string): SmartFolderRecord {
    const workspace = resolveWorkspace(this.#store, principal, workspaceId);
    const [integration, slug, ...rest] = path.split('/').filter(Boolean);
    const folder = integration && slug && rest.length === 0 && isIntegrationType(integration)
      ? this.#store.smartFolders.findBySlug(workspace.id, integration, slug)
      : undefined;
    if (!folder) throw new AirstoreError('smart_folder_not_found', path);
    return folder;
  }

  /** Setting guidance replaces a filter and the other way round; renaming moves the directory. */
  update(principal: Principal, workspaceId: string, folderId: string, changes: SmartFolderChanges): SmartFolderRecord {
    const workspace = resolveWorkspace(this.#store, principal, workspaceId);
    const folder = this.#find(workspace, folderId);
    const definition = this.#define(folder.integration as IntegrationType, folder, changes);
    if (definition.slug !== folder.slug) this.#assertFree(workspace, folder.integration, definition.slug);
    const updated = this.#store.smartFolders.update(folder, definition);
    this.#engine.refresh(updated);
    return updated;
  }

  /** The folder's compiled query, what each word was understood as, and its match count. */
  explain(principal: Principal, workspaceId: string, folderId: string): { folder: SmartFolderRecord; explanation: FolderExplanation } {
    const folder = this.get(principal, workspaceId, folderId);
    return { folder, explanation: this.#engine.explain(folder) };
  }

  delete(principal: Principal, workspaceId: string, folderId: string): void {
    this.#store.smartFolders.delete(this.get(principal, workspaceId, folderId).id);
  }

  #define(integration: IntegrationType, current: SmartFolderDefinition, changes: SmartFolderChanges): SmartFolderDefinition {
    const name = (changes.name ?? current.name).trim();
    const slug = slugify(name);
    if (!slug) throw new AirstoreError('invalid_folder_name', name);
    if (changes.guidance !== undefined && changes.filter !== undefined) {
      throw new AirstoreError('invalid_request', 'give either "guidance" or "filter", not both');
    }
    let { guidance, filter } = current;
    if (changes.guidance !== undefined) {
      guidance = changes.guidance.trim();
      filter = null;
      if (!guidance) throw new AirstoreError('invalid_request', '"guidance" must not be empty');
    }
    if (changes.filter !== undefined) {
      filter = JSON.stringify(validateFilter(connectorFor(integration), changes.filter));
      guidance = null;
    }
    return { name, slug, guidance, filter };
  }

  #assertFree(workspace: Workspace, integration: string, slug: string): void {
    if (this.#store.smartFolders.findBySlug(workspace.id, integration, slug)) {
      throw new AirstoreError('smart_folder_exists', smartFolderPath({ integration, slug }));
    }
  }

  #find(workspace: Workspace, folderId: string): SmartFolderRecord {
    const folder = this.#store.smartFolders.findByExternalId(workspace.id, folderId);
    if (!folder) throw new AirstoreError('smart_folder_not_found', folderId);
    return folder;
  }
}
