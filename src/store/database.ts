import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { AirstoreError } from '../errors.ts';
import { derivedShape, migrations } from './migrations.ts';

export type SqliteDatabase = Database.Database;
export type Statement<Params extends unknown[], Row = unknown> = Database.Statement<Params, Row>;

export const schemaVersion = migrations.at(-1)?.version ?? 0;

/**
 * Opens (creating if needed) the SQLite file in WAL mode, applies pending
 * migrations and the derived shape. A file written by a newer airstore is
 * refused rather than half-understood.
 */
export function openDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Synced mail and documents are in it: private to the user, whatever the umask. SQLite gives
    // the WAL and shared-memory files the database file's mode.
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  }
  const db = new Database(path);
  try {
    // One agent owns the file (the CLI and mounts go through its API). Exclusive locking
    // keeps WAL's index in process memory, which spares every read the file-lock syscalls
    // that otherwise cost more than the query, and makes a second opener fail loudly.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // A sync page dirties ~500 pages, many of them the same index pages again and again. Checkpointing
    // every 80 MB of WAL instead of SQLite's 4 MB copies each hot page once instead of dozens of times
    // (a first sync's store writes cost about a third less); the WAL file is cut back to 64 MB after.
    db.pragma('wal_autocheckpoint = 20000');
    db.pragma('journal_size_limit = 67108864');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    db.exec(derivedShape);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > schemaVersion) throw new AirstoreError('store_version_too_new', current, schemaVersion);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
