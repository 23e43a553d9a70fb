import { InvalidArgumentError, ProtocolError, RefusedError } from '@birdtalk/errors';
import type { ClientPolicy } from './context.js';

/**
 * The stable `code` of every error the feature modules (users, friends, groups, files, media) create
 * themselves. Errors the server sends come through the session with its `SERVER_*` codes; the session's frame
 * rules add their own `REFUSED_*` / `INVALID_*` codes.
 *
 * The class is given beside each code: programs test with `isBirdTalkError(error, FeatureErrorCode.X)`.
 */
export const FeatureErrorCode = {
  /** `RefusedError`: the server never generates the code a phone change needs. */
  REFUSED_PHONE_CHANGE: 'REFUSED_PHONE_CHANGE',
  /** `RefusedError`: ApproveFriend crashes the real server. */
  REFUSED_APPROVE_FRIEND: 'REFUSED_APPROVE_FRIEND',
  /** `RefusedError`: clearing the chat bit of a user you follow lets their next P2P message crash the server. */
  REFUSED_CHAT_BIT_WHILE_FOLLOWING: 'REFUSED_CHAT_BIT_WHILE_FOLLOWING',
  /** `RefusedError`: following a user we blocked lets their next P2P message crash the real server. */
  REFUSED_FOLLOW_BLOCKED: 'REFUSED_FOLLOW_BLOCKED',
  /** `RefusedError`: GroupInviteAnswer crashes the real server. */
  REFUSED_INVITE_ANSWER: 'REFUSED_INVITE_ANSWER',
  /** `RefusedError`: the real server cannot approve join requests (GroupJoinAnswer). */
  REFUSED_JOIN_ANSWER: 'REFUSED_JOIN_ANSWER',
  /** `RefusedError`: joining an `auth` group crashes the real server. */
  REFUSED_JOIN_AUTH: 'REFUSED_JOIN_AUTH',
  /** `RefusedError`: joining a `question` group always fails on the real server. */
  REFUSED_JOIN_QUESTION: 'REFUSED_JOIN_QUESTION',
  /** `RefusedError`: a group with join type `auth` or `question` would crash or reject every joiner. */
  REFUSED_JOIN_TYPE: 'REFUSED_JOIN_TYPE',
  /** `RefusedError`: listing yourself among a new group's members demotes you after a reload. */
  REFUSED_CREATOR_AS_MEMBER: 'REFUSED_CREATOR_AS_MEMBER',
  /** `RefusedError`: the invitees' membership cannot be checked, and inviting a member demotes them. */
  REFUSED_INVITE_UNVERIFIABLE: 'REFUSED_INVITE_UNVERIFIABLE',
  /** `RefusedError`: making the owner an admin, or removing the owner's admin role, demotes the owner. */
  REFUSED_OWNER_ROLE_CHANGE: 'REFUSED_OWNER_ROLE_CHANGE',
  /** `RefusedError`: an admin kicking the owner, which the server allows and which leaves the group ownerless. */
  REFUSED_KICK_OWNER: 'REFUSED_KICK_OWNER',
  /** `RefusedError`: kicking yourself; quit instead (the owner must transfer or dissolve). */
  REFUSED_KICK_SELF: 'REFUSED_KICK_SELF',
  /** `ProtocolError`: no group with this id is visible to the user (unknown, or private and not a member). */
  GROUP_NOT_FOUND: 'GROUP_NOT_FOUND',
  /** `ProtocolError`: the server answered an upload chunk with `fail` (`serverDetail` says why). */
  UPLOAD_FAILED: 'UPLOAD_FAILED',
  /** `ProtocolError`: the upload kept losing its connection and was restarted too often. */
  UPLOAD_RESTARTS_EXHAUSTED: 'UPLOAD_RESTARTS_EXHAUSTED',
  /** `ProtocolError`: the server has no file by this name (HTTP 404 "File not found" / "filename not found"). */
  FILE_NOT_FOUND: 'FILE_NOT_FOUND',
  /** `ProtocolError`: the server refused a signed download (expired, unknown key print, token not decrypted). */
  DOWNLOAD_REFUSED: 'DOWNLOAD_REFUSED',
  /** `ProtocolError`: a download answered with an unexpected HTTP status. */
  DOWNLOAD_FAILED: 'DOWNLOAD_FAILED',
  /** `InvalidArgumentError`: a download is larger than the `maxBytes` its caller allowed. */
  DOWNLOAD_TOO_LARGE: 'DOWNLOAD_TOO_LARGE',
  /** `InvalidArgumentError`: not a name the server gives stored files (`YYYYMMDD_<id>.<ext>`). */
  INVALID_STORED_NAME: 'INVALID_STORED_NAME',
  /** `InvalidArgumentError`: a file larger than the client's `maxUploadBytes`; nothing was read or sent. */
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  /** `InvalidArgumentError`: an empty file (the server refuses empty chunks, so it cannot be uploaded). */
  INVALID_FILE: 'INVALID_FILE',
  /** `InvalidArgumentError`: a bad argument of a feature call (names the argument in `details`). */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /** `ProtocolError`: the server kept refusing the verification code of an e-mail change. */
  EMAIL_CODE_REJECTED: 'EMAIL_CODE_REJECTED',
} as const;

/** One of the codes in {@link FeatureErrorCode}. */
export type FeatureErrorCode = (typeof FeatureErrorCode)[keyof typeof FeatureErrorCode];

/**
 * A `RefusedError` saying that nothing was sent. `section` (kept in `details.section`) locates the rule in the
 * protocol notes the SDK's tests are written against; the message itself states the rule.
 */
export function refusal(code: FeatureErrorCode, message: string, section: string): RefusedError {
  return new RefusedError(code, `${message}; nothing was sent`, {
    details: { section },
  });
}

/**
 * Throws `refusal(...)` unless the client's policy allows requests the stock server cannot survive. Even then
 * the session's frame builder still refuses the frames it knows to be fatal.
 */
export function refuseUnlessAllowed(
  policy: ClientPolicy,
  code: FeatureErrorCode,
  message: string,
  section: string,
): void {
  if (!policy.allowServerCrashingRequests) throw refusal(code, message, section);
}

/** A `ProtocolError` for an answer of the server that the feature cannot use. */
export function serverAnswer(
  code: FeatureErrorCode,
  message: string,
  request: string,
  serverDetail?: string,
  details?: Readonly<Record<string, unknown>>,
): ProtocolError {
  return new ProtocolError(code, message, {
    request,
    ...(serverDetail === undefined ? {} : { serverDetail }),
    ...(details === undefined ? {} : { details }),
  });
}

/** An `InvalidArgumentError` `INVALID_ARGUMENT` naming the bad argument; nothing was sent. */
export function invalidArgument(argument: string, message: string): InvalidArgumentError {
  return new InvalidArgumentError(FeatureErrorCode.INVALID_ARGUMENT, message, { details: { argument } });
}
