import type { SessionStorage } from '../session/storage.js';
import type { ConversationRecord } from './record.js';

/** A stored conversation and the version it was read at (`undefined` for a storage without versions). */
export interface VersionedRecord {
  readonly record: ConversationRecord | undefined;
  readonly version: string | undefined;
}

/**
 * The conversation records of a session storage, written with versions when the storage has them: a write or
 * delete that finds the record changed since it was read (another process sharing the storage took a step) is
 * refused, so that neither step is lost. A storage without the versioned pair is written as it is, which is
 * safe only while one process owns each conversation.
 */
export class RecordStore {
  readonly #storage: SessionStorage<ConversationRecord>;
  readonly #readVersioned: SessionStorage<ConversationRecord>['readVersioned'];
  readonly #writeIfVersion: SessionStorage<ConversationRecord>['writeIfVersion'];

  constructor(storage: SessionStorage<ConversationRecord>) {
    this.#storage = storage;
    const readVersioned = storage.readVersioned?.bind(storage);
    const writeIfVersion = storage.writeIfVersion?.bind(storage);
    const versioned = readVersioned !== undefined && writeIfVersion !== undefined;
    this.#readVersioned = versioned ? readVersioned : undefined;
    this.#writeIfVersion = versioned ? writeIfVersion : undefined;
  }

  /** The record of a key, with its version. */
  async read(key: string): Promise<VersionedRecord> {
    if (this.#readVersioned === undefined)
      return { record: await this.#storage.read(key), version: undefined };
    const { value, version } = await this.#readVersioned(key);
    return { record: value, version };
  }

  /**
   * Stores the record (`undefined` deletes it) if the key is still at `version`; resolves with whether it did.
   * Without versions it always does.
   */
  async write(
    key: string,
    record: ConversationRecord | undefined,
    version: string | undefined,
  ): Promise<boolean> {
    if (this.#writeIfVersion !== undefined) return this.#writeIfVersion(key, record, version);
    if (record === undefined) await this.#storage.delete(key);
    else await this.#storage.write(key, record);
    return true;
  }

  /** Deletes the record whatever its version (a cancel, an exit): the user's word ends it in every process. */
  delete(key: string): Promise<void> {
    return this.#storage.delete(key);
  }
}
