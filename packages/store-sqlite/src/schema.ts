/** The schema version this package writes (`PRAGMA user_version`). */
export const SCHEMA_VERSION = 1;

/**
 * The tables. Ids are decimal text: they exceed 2^53, and SQLite integers would be read back as doubles.
 *
 * - `positions`: one sync position per message stream.
 * - `seen`: the deduplication window; `seq` orders it (oldest first) and never reuses a value.
 * - `handling`: the handling marks, the `m:` keys of messages handed to the application whose handling was
 *   not yet recorded as ended. Added without a version change: `IF NOT EXISTS` creates it in older files.
 * - `outbox`: chats waiting for an acknowledgement, serialized by the client's outbox codec.
 * - `counters`: the send-id mark.
 * - `kv`: small values such as the device id.
 */
export const schema = `
CREATE TABLE IF NOT EXISTS positions (stream TEXT PRIMARY KEY, position TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS seen (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS handling (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outbox (send_id TEXT PRIMARY KEY, entry TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;
