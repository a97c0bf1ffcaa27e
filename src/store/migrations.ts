/**
 * Numbered schema migrations, applied in order at open, each in its own
 * transaction; `PRAGMA user_version` records the last one applied. Never edit a
 * migration that has shipped: add the next number. Times are Unix milliseconds.
 * docs/store.md describes each table.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Rows of `item_values` for one item (`new` in a trigger) or every item (`items i`):
 * each metadata scalar and each list element, lowercased, booleans as 'true'/'false'.
 * Part of migration 4: never change it, add a migration instead.
 */
function itemValueRows(item: string, from = ''): string {
  const value = (column: string) => `CASE WHEN ${column}.type IN ('true', 'false') THEN ${column}.type ELSE lower(${column}.value) END`;
  return `SELECT ${item}.connection_id, f.key, ${value('f')}, ${item}.id
    FROM ${from}json_each(${item}.metadata) f WHERE f.type NOT IN ('array', 'object', 'null')
    UNION ALL
    SELECT ${item}.connection_id, f.key, ${value('v')}, ${item}.id
    FROM ${from}json_each(${item}.metadata) f, json_each(f.value) v WHERE f.type = 'array' AND v.type NOT IN ('array', 'object', 'null')`;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE workspaces (
        id INTEGER PRIMARY KEY,
        external_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE tokens (
        id INTEGER PRIMARY KEY,
        external_id TEXT NOT NULL UNIQUE,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        secret_hash BLOB NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER,
        last_used_at INTEGER,
        revoked_at INTEGER
      );
      CREATE INDEX tokens_by_workspace ON tokens(workspace_id);

      CREATE TABLE connections (
        id INTEGER PRIMARY KEY,
        external_id TEXT NOT NULL UNIQUE,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        integration TEXT NOT NULL,
        scope TEXT,
        sealed_credentials BLOB NOT NULL,
        expires_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (workspace_id, integration)
      );

      CREATE TABLE smart_folders (
        id INTEGER PRIMARY KEY,
        external_id TEXT NOT NULL UNIQUE,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        integration TEXT NOT NULL,
        name TEXT NOT NULL,
        slug TEXT NOT NULL,
        guidance TEXT,
        filter TEXT,
        output_format TEXT NOT NULL DEFAULT 'folder',
        file_ext TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (workspace_id, integration, slug),
        CHECK ((guidance IS NULL) <> (filter IS NULL))
      );

      CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        connection_id INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        external_id TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        metadata TEXT NOT NULL DEFAULT '{}',
        content BLOB,
        content_hash TEXT NOT NULL,
        created_at INTEGER,
        updated_at INTEGER NOT NULL,
        synced_at INTEGER NOT NULL,
        deleted_at INTEGER,
        UNIQUE (connection_id, kind, external_id)
      );
      CREATE INDEX items_by_recency ON items(connection_id, updated_at DESC);

      CREATE TABLE sync_state (
        connection_id INTEGER PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'pending',
        cursor TEXT,
        items_synced INTEGER NOT NULL DEFAULT 0,
        items_total INTEGER,
        last_started_at INTEGER,
        last_finished_at INTEGER,
        last_success_at INTEGER,
        last_error_code TEXT,
        last_error TEXT,
        next_run_at INTEGER
      );
    `,
  },
  {
    version: 2,
    name: 'file names, connection accounts, smart-folder membership',
    sql: `
      -- The file name a connector proposes for an item (with its extension); the tree
      -- makes names unique within a folder.
      ALTER TABLE items ADD COLUMN file_name TEXT NOT NULL DEFAULT '';
      -- JSON of the connected account's identity (login, email, name), set by the connector
      -- when it validates the credentials; guidance resolves "me" with it.
      ALTER TABLE connections ADD COLUMN account TEXT;
      -- Materialised membership of smart folders, kept current by the guidance engine.
      CREATE TABLE folder_items (
        folder_id INTEGER NOT NULL REFERENCES smart_folders(id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        PRIMARY KEY (folder_id, item_id)
      ) WITHOUT ROWID;
      CREATE INDEX folder_items_by_item ON folder_items(item_id);
    `,
  },
  {
    version: 3,
    name: 'sync runs: reconcile time and run summary',
    sql: `
      -- When the last full listing finished; the next is due a provider-specific time later.
      ALTER TABLE sync_state ADD COLUMN last_reconcile_at INTEGER;
      -- JSON counts of the current or last run: { added, updated, unchanged, deleted }.
      ALTER TABLE sync_state ADD COLUMN run_summary TEXT;
    `,
  },
  {
    version: 4,
    name: 'smart-folder evaluation: item values index, compiled folder queries',
    sql: `
      -- Every scalar of an item's metadata, and every element of its lists, one row each,
      -- lowercased (ASCII) with booleans as 'true'/'false': what smart-folder conditions look
      -- up through the primary key instead of parsing JSON row by row. Kept by triggers.
      CREATE TABLE item_values (
        connection_id INTEGER NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        PRIMARY KEY (connection_id, field, value, item_id)
      ) WITHOUT ROWID;
      CREATE INDEX item_values_by_item ON item_values(item_id);
      CREATE TRIGGER item_values_insert AFTER INSERT ON items BEGIN
        INSERT OR IGNORE INTO item_values (connection_id, field, value, item_id)
          ${itemValueRows('new')};
      END;
      CREATE TRIGGER item_values_update AFTER UPDATE OF metadata, connection_id ON items BEGIN
        DELETE FROM item_values WHERE item_id = old.id;
        INSERT OR IGNORE INTO item_values (connection_id, field, value, item_id)
          ${itemValueRows('new')};
      END;
      INSERT OR IGNORE INTO item_values (connection_id, field, value, item_id)
        ${itemValueRows('i', 'items i, ')};
      -- A covering index for evaluation: a folder's scan reads it and never the wide item rows.
      CREATE INDEX items_live_by_kind ON items(connection_id, deleted_at, kind, updated_at, created_at);
      -- What each smart folder compiled to, where it came from, and how it was last resolved.
      CREATE TABLE folder_queries (
        folder_id INTEGER PRIMARY KEY REFERENCES smart_folders(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        query TEXT NOT NULL,
        explanation TEXT NOT NULL,
        -- The folder's updated_at this was compiled from: a mismatch means compile again.
        compiled_from INTEGER NOT NULL,
        -- JSON of what evaluation resolved (time bounds, who "me" is); a change means evaluate again.
        resolution TEXT NOT NULL DEFAULT '',
        relative INTEGER NOT NULL DEFAULT 0,
        evaluated_at INTEGER
      );
      CREATE INDEX folder_queries_relative ON folder_queries(relative) WHERE relative = 1;
    `,
  },
  {
    version: 5,
    name: 'item values written by the item store, without a foreign key',
    sql: `
      -- The triggers of migration 4 rewrote every value on any update and checked a foreign key
      -- per value: most of a sync's write cost. The item store now writes only the values that
      -- changed (src/store/item-values.ts); removing an item row still removes its values.
      DROP TRIGGER item_values_insert;
      DROP TRIGGER item_values_update;
      CREATE TABLE item_values_unchecked (
        connection_id INTEGER NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        item_id INTEGER NOT NULL,
        PRIMARY KEY (connection_id, field, value, item_id)
      ) WITHOUT ROWID;
      INSERT INTO item_values_unchecked SELECT connection_id, field, value, item_id FROM item_values;
      DROP TABLE item_values;
      ALTER TABLE item_values_unchecked RENAME TO item_values;
      CREATE INDEX item_values_by_item ON item_values(item_id);
      CREATE TRIGGER item_values_delete AFTER DELETE ON items BEGIN
        DELETE FROM item_values WHERE item_id = old.id;
      END;
    `,
  },
  {
    version: 6,
    name: 'large item contents as blob files',
    sql: `
      -- A large file's bytes live in blobs/ under their SHA-256 (src/store/blobs.ts); the row keeps
      -- the hash and the size, and content stays NULL.
      ALTER TABLE items ADD COLUMN content_blob TEXT;
      ALTER TABLE items ADD COLUMN content_size INTEGER;
      CREATE INDEX items_by_blob ON items(content_blob) WHERE content_blob IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: 'item values: one empty row for a field without values',
    sql: `
      -- A field with no value (null, '', an empty list, an object) gets one row whose value is ''
      -- (src/store/item-values.ts): "without a label" reads those rows instead of every labelled item.
      DELETE FROM item_values WHERE value = '' AND EXISTS (
        SELECT 1 FROM item_values other WHERE other.item_id = item_values.item_id
          AND other.connection_id = item_values.connection_id AND other.field = item_values.field AND other.value <> '');
      INSERT OR IGNORE INTO item_values (connection_id, field, value, item_id)
        SELECT i.connection_id, f.key, '', i.id FROM items i, json_each(i.metadata) f
        WHERE NOT EXISTS (SELECT 1 FROM item_values v WHERE v.item_id = i.id AND v.connection_id = i.connection_id AND v.field = f.key);
    `,
  },
  {
    version: 8,
    name: 'item fingerprints',
    sql: `
      -- What a provider's listing shows of an item beside its time (src/sync/connector.ts, ItemVersion):
      -- a sync reads the item again when the listed fingerprint differs. NULL where the connector has none.
      ALTER TABLE items ADD COLUMN fingerprint TEXT;
    `,
  },
];

/**
 * Derived shape, re-run at every open and idempotent: the FTS5 index over item
 * text (porter stemming). The item store writes it beside each item (src/store/
 * item-text.ts), so an update that leaves the text alone skips it. Removing an
 * item row removes its text by trigger. Stores opened by versions
 * before migration 5 had insert and update triggers too; they are dropped.
 */
export const derivedShape = `
  CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(
    title, body, content='items', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
  );
  DROP TRIGGER IF EXISTS items_fts_insert;
  DROP TRIGGER IF EXISTS items_fts_update;
  CREATE TRIGGER IF NOT EXISTS items_fts_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  END;
`;
