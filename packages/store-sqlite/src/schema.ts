/** The schema version this package writes (`PRAGMA user_version`). */
export const SCHEMA_VERSION = 3;

/**
 * The tables of a new database. Ids are decimal text: they exceed 2^53, and SQLite integers would be read back
 * as doubles.
 *
 * - `seen`: the deduplication window, oldest `seq` first. No index on `key`: every handled message adds rows,
 *   and an index over keys that are partly digests put a random page of it into every commit. A key added
 *   again gets a row of its own; reading the window keeps each key's newest row. Without `AUTOINCREMENT` a
 *   new row takes the highest `seq` plus one, which a window trimmed only at its oldest end never reuses.
 * - `delivery`: what else a handled message changes, in one small table so that a commit writes one page of
 *   it: the sync position of each message stream (`p:<stream>`, the position as value) and the handling marks
 *   (`h:<key>`, an empty value), the `m:` keys of messages handed to the application whose handling was not
 *   yet recorded as ended.
 * - `outbox`: chats waiting for an acknowledgement, serialized by the client's outbox codec.
 * - `counters`: the send-id mark.
 * - `kv`: small values such as the device id.
 */
export const schema = `
CREATE TABLE seen (seq INTEGER PRIMARY KEY, key TEXT NOT NULL);
CREATE TABLE delivery (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
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
 * - 2 → 3: positions and handling marks move into `delivery`.
 */
export const migrations: Readonly<Record<number, string>> = {
  1: `
ALTER TABLE seen RENAME TO seen_v1;
CREATE TABLE seen (seq INTEGER PRIMARY KEY, key TEXT NOT NULL);
INSERT INTO seen (seq, key) SELECT seq, key FROM seen_v1 ORDER BY seq;
DROP TABLE seen_v1;
CREATE TABLE IF NOT EXISTS handling (key TEXT PRIMARY KEY) WITHOUT ROWID;
`,
  2: `
CREATE TABLE delivery (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO delivery (key, value) SELECT 'p:' || stream, position FROM positions;
INSERT INTO delivery (key, value) SELECT 'h:' || key, '' FROM handling;
DROP TABLE positions;
DROP TABLE handling;
`,
};
