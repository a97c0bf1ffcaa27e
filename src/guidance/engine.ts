import { connectorFor, isIntegrationType } from '../../connectors/index.ts';
import type { ConnectionAccount, ConnectionRecord } from '../store/connections.ts';
import type { FolderQueryRecord, QuerySource } from '../store/folder-queries.ts';
import type { Store } from '../store/index.ts';
import type { SmartFolderRecord } from '../store/smart-folders.ts';
import type { ConnectorDefinition } from '../sync/connector.ts';
import { type Compilation, compileGuidance, type Lexicon } from './compiler.ts';
import { type FolderExplanation, presentExplanation, storedExplanation } from './explain.ts';
import { filterToQuery } from './filter-query.ts';
import type { QueryModel } from './model.ts';
import { type CompiledQuery, connectorProblem, isRelative, shapeProblem } from './query.ts';
import { resolveQuery } from './resolve.ts';

export interface EngineOptions {
  /** The optional model (AIRSTORE_LLM_URL) asked about guidance the compiler understands poorly. */
  model?: QueryModel;
  now?: () => number;
  log?: (message: string) => void;
}

/** Guidance the compiler could not use, or of which it left more than half as full-text terms, goes to the model. */
const askModelAbove = 0.5;

/**
 * Keeps smart-folder membership (`folder_items`) current. A folder is compiled
 * when it is created or changed, evaluated in full then, incrementally for the
 * items a sync page changed (`refreshFoldersFor`), and again when the passing of
 * time moves one of its relative dates (`tick`, run by `start`). See docs/guidance.md.
 */
export class SmartFolderEngine {
  readonly #store: Store;
  readonly #model: QueryModel | undefined;
  readonly #now: () => number;
  readonly #log: (message: string) => void;
  readonly #pending = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(store: Store, options: EngineOptions = {}) {
    this.#store = store;
    this.#model = options.model;
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? (() => {});
  }

  /** Compiles a folder again if its definition changed since, and evaluates it in full. */
  refresh(folder: SmartFolderRecord): FolderQueryRecord {
    const connection = this.#connectionOf(folder);
    const { record } = this.#ensureCompiled(folder, connection);
    return this.#evaluate(folder, record, connection);
  }

  /**
   * For the sync engine, after each committed page: brings every smart folder of
   * the connection's integration up to date with the items that page added,
   * changed or deleted (tombstones included). Cheap: only those items are tested,
   * unless the page changed what the folder compiles to (a new label, the account).
   */
  refreshFoldersFor(connectionId: number, changedItemIds: readonly number[]): void {
    const connection = this.#store.connections.findById(connectionId);
    if (!connection) return;
    for (const folder of this.#store.smartFolders.list(connection.workspaceId)) {
      if (folder.integration !== connection.integration) continue;
      const { record, changed } = this.#ensureCompiled(folder, connection);
      if (changed || record.evaluatedAt === null) {
        this.#evaluate(folder, record, connection);
        continue;
      }
      const query = JSON.parse(record.query) as CompiledQuery;
      const resolved = resolveQuery(query, connection.id, accountOf(connection), this.#now());
      if (resolved.resolution !== record.resolution || query.limit !== null || resolved.impossible || !isUsable(record)) {
        this.#evaluate(folder, record, connection);
        continue;
      }
      const matching = new Set(this.#store.itemQueries.matchingAmong(resolved.itemQuery, changedItemIds));
      this.#store.folderItems.apply(folder.id, matching, changedItemIds.filter((id) => !matching.has(id)));
      this.#store.folderQueries.markEvaluated(folder.id, resolved.resolution, this.#now());
    }
  }

  /** Evaluates again the folders whose relative dates moved since their last evaluation. */
  tick(): void {
    for (const record of this.#store.folderQueries.relative()) {
      const folder = this.#store.smartFolders.findById(record.folderId);
      if (!folder) continue;
      const connection = this.#connectionOf(folder);
      const query = JSON.parse(record.query) as CompiledQuery;
      const resolution = connection ? resolveQuery(query, connection.id, accountOf(connection), this.#now()).resolution : '';
      if (resolution !== record.resolution || record.compiledFrom !== folder.updatedAt) this.refresh(folder);
    }
  }

  /** Brings every folder up to date (at start: folders created or changed while no engine ran). */
  refreshAll(): void {
    for (const workspace of this.#store.workspaces.list()) {
      for (const folder of this.#store.smartFolders.list(workspace.id)) {
        const record = this.#store.folderQueries.get(folder.id);
        if (!record || record.compiledFrom !== folder.updatedAt || record.evaluatedAt === null) this.refresh(folder);
      }
    }
  }

  /** Runs `tick` every `intervalMs` (a minute is the finest step of a relative date). */
  start(intervalMs = 30_000): void {
    this.refreshAll();
    this.#timer = setInterval(() => this.#guard('tick', () => this.tick()), intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.settled();
  }

  /** Resolves when no model request is under way. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  /** The folder's compiled query, readable, with its current match count; compiles or evaluates first if stale. */
  explain(folder: SmartFolderRecord): FolderExplanation {
    let record = this.#store.folderQueries.get(folder.id);
    if (!record || record.compiledFrom !== folder.updatedAt || record.evaluatedAt === null) record = this.refresh(folder);
    return presentExplanation(record, this.#connector(folder), this.#store.folderItems.count(folder.id));
  }

  #ensureCompiled(folder: SmartFolderRecord, connection: ConnectionRecord | undefined): { record: FolderQueryRecord; changed: boolean } {
    const stored = this.#store.folderQueries.get(folder.id);
    const current = stored?.compiledFrom === folder.updatedAt;
    if (stored && current && stored.source === 'model') return { record: stored, changed: false };
    const { source, compilation } = this.#compile(folder, connection);
    const query = JSON.stringify(compilation.query);
    if (stored && current && stored.source === source && stored.query === query) return { record: stored, changed: false };
    const asking = source === 'compiler' && this.#model !== undefined && (!compilation.usable || compilation.leftover > askModelAbove);
    const model = asking ? { used: false, note: 'the model was asked about this guidance; its answer is pending' } : undefined;
    this.#save(folder, source, compilation.query, storedExplanation(compilation, model));
    if (asking) this.#askModel(folder, compilation);
    return { record: this.#store.folderQueries.get(folder.id)!, changed: true };
  }

  #compile(folder: SmartFolderRecord, connection: ConnectionRecord | undefined): { source: QuerySource; compilation: Compilation } {
    const connector = this.#connector(folder);
    if (folder.filter !== null) return { source: 'filter', compilation: filterToQuery(connector, JSON.parse(folder.filter)) };
    const lexicon: Lexicon | undefined = connection && {
      find: (field, candidates) => this.#store.itemQueries.findValue(connection.id, field, candidates),
      findByLastSegment: (field, name) => this.#store.itemQueries.findByLastSegment(connection.id, field, name),
    };
    return { source: 'compiler', compilation: compileGuidance(folder.guidance ?? '', { connector, lexicon }) };
  }

  #save(folder: SmartFolderRecord, source: QuerySource, query: CompiledQuery, explanation: object): void {
    this.#store.folderQueries.save({
      folderId: folder.id, source, query: JSON.stringify(query), explanation: JSON.stringify(explanation),
      compiledFrom: folder.updatedAt, relative: isRelative(query),
    });
  }

  #evaluate(folder: SmartFolderRecord, record: FolderQueryRecord, connection: ConnectionRecord | undefined): FolderQueryRecord {
    const now = this.#now();
    let ids: number[] = [];
    let resolution = '';
    if (connection && isUsable(record)) {
      const resolved = resolveQuery(JSON.parse(record.query) as CompiledQuery, connection.id, accountOf(connection), now);
      ids = resolved.impossible ? [] : this.#store.itemQueries.ids(resolved.itemQuery);
      resolution = resolved.resolution;
    }
    const members = new Set(ids);
    const current = this.#store.folderItems.memberIds(folder.id);
    const currentSet = new Set(current);
    this.#store.folderItems.apply(folder.id, ids.filter((id) => !currentSet.has(id)), current.filter((id) => !members.has(id)));
    this.#store.folderQueries.markEvaluated(folder.id, resolution, now);
    return this.#store.folderQueries.get(folder.id)!;
  }

  #askModel(folder: SmartFolderRecord, compilation: Compilation): void {
    const model = this.#model!;
    const connector = this.#connector(folder);
    const request = (async () => {
      let query: CompiledQuery | undefined;
      let note: string;
      try {
        const proposal = await model.propose({ guidance: folder.guidance ?? '', connector, compilation });
        const problem = shapeProblem(proposal) ?? connectorProblem(proposal as CompiledQuery, connector);
        if (problem) note = `the model's answer was not used: ${problem}`;
        else {
          query = proposal as CompiledQuery;
          note = 'the local compiler understood little of this guidance; the query comes from the model';
        }
      } catch (error) {
        note = `the model could not be asked: ${(error as Error).message}`;
      }
      if (this.#stopped) return;
      const current = this.#store.smartFolders.findById(folder.id);
      if (!current || current.updatedAt !== folder.updatedAt) return;
      if (query) this.#save(current, 'model', query, { ...storedExplanation(compilation, { used: true, note }), usable: true, problems: [] });
      else this.#save(current, 'compiler', compilation.query, storedExplanation(compilation, { used: false, note }));
      this.refresh(current);
    })();
    const tracked = request.catch((error: Error) => this.#log(`smart folder ${folder.externalId}: ${error.message}`));
    this.#pending.add(tracked);
    void tracked.finally(() => this.#pending.delete(tracked));
  }

  #connectionOf(folder: SmartFolderRecord): ConnectionRecord | undefined {
    return this.#store.connections.findByIntegration(folder.workspaceId, folder.integration);
  }

  #connector(folder: SmartFolderRecord): ConnectorDefinition {
    if (!isIntegrationType(folder.integration)) throw new Error(`unknown integration ${folder.integration}`);
    return connectorFor(folder.integration);
  }

  #guard(what: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.#log(`smart folders ${what} failed: ${(error as Error).message}`);
    }
  }
}

function accountOf(connection: ConnectionRecord): ConnectionAccount | null {
  return connection.account ? (JSON.parse(connection.account) as ConnectionAccount) : null;
}

function isUsable(record: FolderQueryRecord): boolean {
  return (JSON.parse(record.explanation) as { usable: boolean }).usable;
}
