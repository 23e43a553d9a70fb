// The feature modules of the client (users, friends, groups, files, media) and the converters that turn their
// server notices into client events. Each factory takes the shared ClientContext.
//
// This file is the seam between the client core and the feature modules: the core wires
// `createUsersApi`, `createFriendsApi`, `createGroupsApi`, `createFilesApi` and `createMediaApi` into the client
// and routes session notices through `friendEventFrom`, `friendRequestFrom`, `groupEventFrom` and
// `groupJoinRequestFrom`. Everything exported here is public (the package entry re-exports this file), and
// nothing here may import Node-only modules: the Node pieces of the files API live in `./files/node.js`.

export {
  type CacheOptions,
  createDirectory,
  DEFAULT_CACHE_OPTIONS,
  type Directory,
  type DirectorySources,
  type LookupOptions,
} from './cache/directory.js';
export { FeatureErrorCode } from './feature-errors.js';
export {
  createFilesApi,
  DEFAULT_DOWNLOAD_MAX_BYTES,
  DEFAULT_MAX_UPLOAD_BYTES,
  type DownloadOptions,
  type FilesApi,
  type FilesDeps,
  type WriteFile,
} from './files/api.js';
export {
  type DownloadRoute,
  isStoredName,
  SIGNED_URL_LIFETIME_SECONDS,
  STORED_NAME_PATTERN,
} from './files/download.js';
export { type Md5Factory, type Md5Hash, portableMd5 } from './files/md5.js';
export type { FileInput, FileSource, OpenPath, SourceOptions } from './files/source.js';
export {
  UPLOAD_CHUNK_BYTES,
  type UploadOptions,
  type UploadProgress,
  type UploadResult,
} from './files/upload.js';
export {
  type FriendEvent,
  type FriendOperation,
  type FriendRequestEvent,
  friendEventFrom,
  friendRequestFrom,
} from './friend-events.js';
export {
  createFriendsApi,
  type FollowOptions,
  type FollowResult,
  FRIEND_PAGE_SIZE,
  type FriendListOptions,
  FriendPermission,
  type FriendPermissionName,
  type FriendsApi,
  type MemoOptions,
} from './friends.js';
export {
  type GroupEvent,
  type GroupJoinRequestEvent,
  groupEventFrom,
  groupJoinRequestFrom,
} from './group-events.js';
export type { GroupDetails, GroupMemberInfo, GroupRole } from './group-info.js';
export {
  createGroupsApi,
  GROUP_PAGE_SIZE,
  type GroupCreateInit,
  type GroupFields,
  type GroupJoinType,
  type GroupsApi,
  type InviteResult,
  type JoinOptions,
  type MemberList,
} from './groups.js';
export { type ImageSize, imageSize } from './media/image-size.js';
export {
  createMediaApi,
  type ImageOptions,
  INLINE_VOICE_MAX_BYTES,
  type MediaApi,
  type MediaMessage,
  type MediaOptions,
  type VoiceOptions,
} from './media.js';
export type { UserProfile } from './user-profile.js';
export {
  type ChangeEmailOptions,
  createUsersApi,
  type EmailCodeRequest,
  type ProfileChanges,
  type UserQuery,
  type UsersApi,
} from './users.js';
