import type { SqliteDatabase, Statement } from './database.ts';

export interface Workspace {
  id: number;
  externalId: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

const columns = 'id, external_id AS externalId, name, created_at AS createdAt, updated_at AS updatedAt';

export class WorkspaceStore {
  readonly #insert: Statement<[string, string, number, number]>;
  readonly #byExternalId: Statement<[string], Workspace>;
  readonly #byName: Statement<[string], Workspace>;
  readonly #all: Statement<[], Workspace>;
  readonly #delete: Statement<[number]>;

  readonly #onDelete: () => void;

  /** `onDelete` runs after a deletion, for caches of rows the cascade removed. */
  constructor(db: SqliteDatabase, onDelete: () => void) {
    this.#onDelete = onDelete;
    this.#insert = db.prepare('INSERT INTO workspaces (external_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    this.#byExternalId = db.prepare(`SELECT ${columns} FROM workspaces WHERE external_id = ?`);
    this.#byName = db.prepare(`SELECT ${columns} FROM workspaces WHERE name = ?`);
    this.#all = db.prepare(`SELECT ${columns} FROM workspaces ORDER BY created_at, id`);
    this.#delete = db.prepare('DELETE FROM workspaces WHERE id = ?');
  }

  create(input: { externalId: string; name: string }, now = Date.now()): Workspace {
    const { lastInsertRowid } = this.#insert.run(input.externalId, input.name, now, now);
    return { id: Number(lastInsertRowid), externalId: input.externalId, name: input.name, createdAt: now, updatedAt: now };
  }

  findByExternalId(externalId: string): Workspace | undefined {
    return this.#byExternalId.get(externalId);
  }

  findByName(name: string): Workspace | undefined {
    return this.#byName.get(name);
  }

  list(): Workspace[] {
    return this.#all.all();
  }

  /** Deletes the workspace and, by cascade, its tokens, connections, smart folders and items. */
  delete(id: number): void {
    this.#delete.run(id);
    this.#onDelete();
  }
}
