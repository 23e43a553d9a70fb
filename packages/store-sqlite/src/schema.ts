/** The schema version this package writes (`PRAGMA user_version`). */
export const SCHEMA_VERSION = 2;

/**
 * The tables of a new database. Ids are decimal text: they exceed 2^53, and SQLite integers would be read back
 * as doubles.
 *
 * - `positions`: one sync position per message stream.
 * - `seen`: the deduplication window, oldest `seq` first. No index on `key`: every handled message adds rows,
 *   and an index over keys that are partly digests put a random page of it into every commit. A key added
 *   again gets a row of its own; reading the window keeps each key's newest row. Without `AUTOINCREMENT` a
 *   new row takes the highest `seq` plus one, which a window trimmed only at its oldest end never reuses.
 * - `handling`: the handling marks, the `m:` keys of messages handed to the application whose handling was
 *   not yet recorded as ended.
 * - `outbox`: chats waiting for an acknowledgement, serialized by the client's outbox codec.
 * - `counters`: the send-id mark.
 * - `kv`: small values such as the device id.
 */
export const schema = `
CREATE TABLE positions (stream TEXT PRIMARY KEY, position TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE seen (seq INTEGER PRIMARY KEY, key TEXT NOT NULL);
CREATE TABLE handling (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE outbox (send_id TEXT PRIMARY KEY, entry TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE counters (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

/**
 * What brings a database of each older version to the next one, by the version it starts from.
 *
 * - 1 → 2: the window loses its unique index on `key` and its `AUTOINCREMENT` (which updated `sqlite_sequence`
 *   in every commit); its rows keep their order. `handling` was added to version 1 without a version change,
 *   so a version 1 file may lack it.
 */
export const migrations: Readonly<Record<number, string>> = {
  1: `
ALTER TABLE seen RENAME TO seen_v1;
CREATE TABLE seen (seq INTEGER PRIMARY KEY, key TEXT NOT NULL);
INSERT INTO seen (seq, key) SELECT seq, key FROM seen_v1 ORDER BY seq;
DROP TABLE seen_v1;
CREATE TABLE IF NOT EXISTS handling (key TEXT PRIMARY KEY) WITHOUT ROWID;
`,
};
