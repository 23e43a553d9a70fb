/** The longest file-name component Linux accepts. */
const NAME_MAX = 255;
/** The longest path Linux accepts, including the base directory. */
const PATH_MAX = 4095;
/** The real server's default base directory (relative on Linux), which counts toward PATH_MAX. */
const BASE = 'e:/upload';

/** A record of the `files` collection. */
export interface FileRecord {
  hashCode: string;
  fileName: string;
  uniqName: string;
  gid: bigint;
  tm: number;
  /** The size the uploader declared. */
  fileSize: bigint;
  userId: bigint;
}

interface StoredFile {
  inode: number;
  chunks: Buffer[];
  size: number;
}

/** An open write handle of an upload. */
export interface FileHandle {
  readonly path: string;
  readonly inode: number;
}

/** What a path lookup found, mirroring `os.Stat` outcomes. */
export type StatResult =
  | { kind: 'file'; size: number }
  | { kind: 'dir' }
  | { kind: 'missing' }
  /** A lookup error other than "does not exist" (ENAMETOOLONG, EINVAL): the real server crashes on it. */
  | { kind: 'error'; reason: string };

/**
 * Maps a name to its storage path the way the real server's `FileName2FilePath` does, as byte strings
 * (latin1-encoded UTF-8) relative to the base directory: `<date>/<c1c2>/<c3c4>/<name>`, `<c1c2>/<c3c4>/<name>`
 * or `less4/<name>`, cleaned like Go's `filepath.Join`. `undefined` when the path leaves the base directory.
 */
export function storagePath(fileName: string): string[] | undefined {
  const bytes = Buffer.from(fileName, 'utf8').toString('latin1');
  const baseName = goBase(bytes);
  const dot = baseName.lastIndexOf('.');
  const ext = dot >= 0 ? baseName.slice(dot) : '';
  const mainName = baseName.slice(0, baseName.length - ext.length);
  let datePart = '';
  let charPart = mainName;
  if (mainName.length > 9) {
    const underscore = mainName.indexOf('_');
    if (underscore >= 0) {
      datePart = mainName.slice(0, underscore);
      charPart = mainName.slice(underscore + 1);
    }
  }
  let parts: string[];
  if (charPart.length < 4) parts = ['less4', mainName + ext];
  else {
    const first = mainName.slice(0, 2);
    const next = mainName.slice(2, 4);
    parts = datePart === '' ? [first, next, mainName + ext] : [datePart, first, next, mainName + ext];
  }
  return clean(parts.join('/'));
}

/** Go's `filepath.Base`. */
function goBase(path: string): string {
  if (path === '') return '.';
  let trimmed = path;
  while (trimmed.length > 0 && trimmed.endsWith('/')) trimmed = trimmed.slice(0, -1);
  if (trimmed === '') return '/';
  const slash = trimmed.lastIndexOf('/');
  return slash >= 0 ? trimmed.slice(slash + 1) : trimmed;
}

/** Lexical cleaning relative to the base; `undefined` if `..` climbs out of it. */
function clean(path: string): string[] | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
      continue;
    }
    out.push(part);
  }
  return out;
}

/** Uploaded files: a small in-memory file system (directories, files with inodes) and the file records. */
export class FileStore {
  readonly dirs = new Set<string>();
  readonly files = new Map<string, StoredFile>();
  readonly records: FileRecord[] = [];
  #nextInode = 1;

  /** `os.MkdirAll` of the parent directories of `components` (and the base); `false` on a name too long. */
  mkdirAll(components: readonly string[]): boolean {
    const dirs = components.slice(0, -1);
    if (dirs.some((d) => d.length > NAME_MAX)) return false;
    this.dirs.add('');
    for (let i = 1; i <= dirs.length; i += 1) this.dirs.add(dirs.slice(0, i).join('/'));
    return true;
  }

  /** `os.Stat`, including the errors that are not "does not exist". */
  stat(components: readonly string[] | undefined): StatResult {
    if (components === undefined) return { kind: 'missing' };
    const full = components.join('/');
    if (full.includes('\0')) return { kind: 'error', reason: 'invalid argument' };
    if (BASE.length + 1 + full.length > PATH_MAX) return { kind: 'error', reason: 'file name too long' };
    if (!this.dirs.has('')) return { kind: 'missing' };
    for (let i = 0; i < components.length; i += 1) {
      const component = components[i]!;
      if (component.length > NAME_MAX) return { kind: 'error', reason: 'file name too long' };
      const path = components.slice(0, i + 1).join('/');
      const last = i === components.length - 1;
      if (this.dirs.has(path)) {
        if (last) return { kind: 'dir' };
        continue;
      }
      const file = this.files.get(path);
      if (file !== undefined) {
        if (last) return { kind: 'file', size: file.size };
        return { kind: 'error', reason: 'not a directory' };
      }
      return { kind: 'missing' };
    }
    return { kind: 'dir' };
  }

  /** `os.Create`: truncates an existing file (same inode) or makes a new one; `undefined` if refused. */
  create(components: readonly string[]): FileHandle | undefined {
    const name = components[components.length - 1] ?? '';
    const full = components.join('/');
    if (name.length > NAME_MAX || full.includes('\0')) return undefined;
    const existing = this.files.get(full);
    if (existing !== undefined) {
      existing.chunks = [];
      existing.size = 0;
      return { path: full, inode: existing.inode };
    }
    const inode = this.#nextInode++;
    this.files.set(full, { inode, chunks: [], size: 0 });
    return { path: full, inode };
  }

  /** Appends through a handle; writes to an unlinked file vanish, as on disk. */
  write(handle: FileHandle, data: Uint8Array): void {
    const file = this.files.get(handle.path);
    if (file === undefined || file.inode !== handle.inode) return;
    file.chunks.push(Buffer.from(data));
    file.size += data.length;
  }

  /** `os.Remove`. */
  remove(path: string): void {
    this.files.delete(path);
  }

  /** A file's content. */
  read(components: readonly string[]): Buffer | undefined {
    const file = this.files.get(components.join('/'));
    if (file === undefined) return undefined;
    const joined = Buffer.concat(file.chunks);
    file.chunks = [joined];
    return joined;
  }

  /** The newest record with this hash. */
  newestByHash(hashCode: string): FileRecord | undefined {
    for (let i = this.records.length - 1; i >= 0; i -= 1) {
      if (this.records[i]!.hashCode === hashCode) return this.records[i];
    }
    return undefined;
  }

  /** Puts a whole file (used by snapshots). */
  restore(path: string, data: Buffer): void {
    this.files.set(path, { inode: this.#nextInode++, chunks: [data], size: data.length });
  }
}
