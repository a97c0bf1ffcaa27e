import type { ChangeCounter } from './changes.ts';
import type { SqliteDatabase, Statement } from './database.ts';

export interface SmartFolderRecord {
  id: number;
  externalId: string;
  workspaceId: number;
  integration: string;
  name: string;
  /** The directory name under the integration's directory; unique per workspace and integration. */
  slug: string;
  /** Exactly one of guidance and filter is set. */
  guidance: string | null;
  /** JSON text of an explicit filter. */
  filter: string | null;
  createdAt: number;
  updatedAt: number;
}

export type SmartFolderDefinition = Pick<SmartFolderRecord, 'name' | 'slug' | 'guidance' | 'filter'>;

const columns = `id, external_id AS externalId, workspace_id AS workspaceId, integration, name, slug, guidance, filter,
  created_at AS createdAt, updated_at AS updatedAt`;

type DefinitionParams = [string, string, string | null, string | null];

export class SmartFolderStore {
  readonly #insert: Statement<[string, number, string, ...DefinitionParams, number, number]>;
  readonly #update: Statement<[...DefinitionParams, number, number]>;
  readonly #byExternalId: Statement<[number, string], SmartFolderRecord>;
  readonly #byId: Statement<[number], SmartFolderRecord>;
  readonly #bySlug: Statement<[number, string, string], SmartFolderRecord>;
  readonly #all: Statement<[number], SmartFolderRecord>;
  readonly #delete: Statement<[number]>;
  readonly #changes: ChangeCounter;

  constructor(db: SqliteDatabase, changes: ChangeCounter) {
    this.#changes = changes;
    this.#insert = db.prepare(`INSERT INTO smart_folders
      (external_id, workspace_id, integration, name, slug, guidance, filter, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#update = db.prepare(`UPDATE smart_folders
      SET name = ?, slug = ?, guidance = ?, filter = ?, updated_at = ? WHERE id = ?`);
    this.#byExternalId = db.prepare(`SELECT ${columns} FROM smart_folders WHERE workspace_id = ? AND external_id = ?`);
    this.#byId = db.prepare(`SELECT ${columns} FROM smart_folders WHERE id = ?`);
    this.#bySlug = db.prepare(`SELECT ${columns} FROM smart_folders WHERE workspace_id = ? AND integration = ? AND slug = ?`);
    this.#all = db.prepare(`SELECT ${columns} FROM smart_folders WHERE workspace_id = ? ORDER BY integration, slug`);
    this.#delete = db.prepare('DELETE FROM smart_folders WHERE id = ?');
  }

  create(
    input: { externalId: string; workspaceId: number; integration: string } & SmartFolderDefinition,
    now = Date.now(),
  ): SmartFolderRecord {
    const { lastInsertRowid } = this.#insert.run(
      input.externalId, input.workspaceId, input.integration,
      input.name, input.slug, input.guidance, input.filter, now, now,
    );
    this.#changes.bump();
    return { id: Number(lastInsertRowid), ...input, createdAt: now, updatedAt: now };
  }

  update(folder: SmartFolderRecord, definition: SmartFolderDefinition, now = Date.now()): SmartFolderRecord {
    this.#update.run(
      definition.name, definition.slug, definition.guidance, definition.filter, now, folder.id,
    );
    this.#changes.bump();
    return { ...folder, ...definition, updatedAt: now };
  }

  findById(id: number): SmartFolderRecord | undefined {
    return this.#byId.get(id);
  }

  findByExternalId(workspaceId: number, externalId: string): SmartFolderRecord | undefined {
    return this.#byExternalId.get(workspaceId, externalId);
  }

  findBySlug(workspaceId: number, integration: string, slug: string): SmartFolderRecord | undefined {
    return this.#bySlug.get(workspaceId, integration, slug);
  }

  list(workspaceId: number): SmartFolderRecord[] {
    return this.#all.all(workspaceId);
  }

  delete(id: number): void {
    this.#delete.run(id);
    this.#changes.bump();
  }
}
