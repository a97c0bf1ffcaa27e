import type { SqliteDatabase, Statement } from './database.ts';

/** Where a folder's compiled query came from. */
export type QuerySource = 'compiler' | 'model' | 'filter';

/** What a smart folder compiled to (src/guidance/), as `.folder.json` and explain show it. */
export interface FolderQueryRecord {
  folderId: number;
  source: QuerySource;
  /** JSON of the compiled query (src/guidance/query.ts). */
  query: string;
  /** JSON of the explanation: understood words, full-text terms, ignored words, problems. */
  explanation: string;
  /** The folder's `updated_at` this was compiled from. */
  compiledFrom: number;
  /** JSON of what the last evaluation resolved (time bounds, who "me" is). */
  resolution: string;
  /** The query depends on the time of evaluation. */
  relative: boolean;
  evaluatedAt: number | null;
}

type Row = Omit<FolderQueryRecord, 'relative'> & { relative: number };

const columns = `folder_id AS folderId, source, query, explanation, compiled_from AS compiledFrom, resolution, relative,
  evaluated_at AS evaluatedAt`;

export class FolderQueryStore {
  readonly #get: Statement<[number], Row>;
  readonly #save: Statement<[number, QuerySource, string, string, number, number]>;
  readonly #evaluated: Statement<[string, number, number]>;
  readonly #relative: Statement<[], Row>;

  constructor(db: SqliteDatabase) {
    this.#get = db.prepare(`SELECT ${columns} FROM folder_queries WHERE folder_id = ?`);
    this.#save = db.prepare(`INSERT INTO folder_queries (folder_id, source, query, explanation, compiled_from, relative)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (folder_id) DO UPDATE SET source = excluded.source, query = excluded.query, explanation = excluded.explanation,
        compiled_from = excluded.compiled_from, relative = excluded.relative, resolution = '', evaluated_at = NULL`);
    this.#evaluated = db.prepare('UPDATE folder_queries SET resolution = ?, evaluated_at = ? WHERE folder_id = ?');
    this.#relative = db.prepare(`SELECT ${columns} FROM folder_queries WHERE relative = 1`);
  }

  get(folderId: number): FolderQueryRecord | undefined {
    const row = this.#get.get(folderId);
    return row && toRecord(row);
  }

  /** Stores a (re)compiled query; the folder counts as not evaluated until `markEvaluated`. */
  save(record: Pick<FolderQueryRecord, 'folderId' | 'source' | 'query' | 'explanation' | 'compiledFrom' | 'relative'>): void {
    this.#save.run(record.folderId, record.source, record.query, record.explanation, record.compiledFrom, record.relative ? 1 : 0);
  }

  markEvaluated(folderId: number, resolution: string, now = Date.now()): void {
    this.#evaluated.run(resolution, now, folderId);
  }

  /** Folders whose membership can change as time passes. */
  relative(): FolderQueryRecord[] {
    return this.#relative.all().map(toRecord);
  }
}

function toRecord(row: Row): FolderQueryRecord {
  return { ...row, relative: row.relative === 1 };
}
