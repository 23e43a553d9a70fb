import { ChatStore } from './chat.js';
import { FileStore } from './files.js';
import { GroupStore } from './groups.js';
import { OpLogStore } from './oplog.js';
import { RelationStore } from './relations.js';
import { TokenStore } from './tokens.js';
import { UserStore } from './users.js';

/** Everything the server remembers, standing in for Redis, MongoDB, ScyllaDB and the upload directory. */
export interface Store {
  readonly users: UserStore;
  readonly relations: RelationStore;
  readonly chat: ChatStore;
  readonly groups: GroupStore;
  readonly oplog: OpLogStore;
  readonly files: FileStore;
  readonly tokens: TokenStore;
}

/** An empty store. */
export function createStore(): Store {
  return {
    users: new UserStore(),
    relations: new RelationStore(),
    chat: new ChatStore(),
    groups: new GroupStore(),
    oplog: new OpLogStore(),
    files: new FileStore(),
    tokens: new TokenStore(),
  };
}
