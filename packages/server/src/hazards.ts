import { BirdTalkError } from '@birdtalk/errors';

/**
 * Requests that crash the real BirdTalk server process. The reference server survives all of them; in strict
 * mode it records a {@link Hazard} and drops every connection, as the real server's death looks to its
 * clients, in lenient mode it answers with an error instead.
 */
export const HAZARDS = {
  'malformed-frame':
    'a binary frame that is not a valid protobuf Msg (truncated, bad wire type, invalid UTF-8)',
  'chat-missing-payload': 'MsgTChatMsg without plainMsg.chatData',
  'upload-missing-payload': 'MsgTUpload without plainMsg.uploadReq',
  'receipt-empty-params': 'MsgTChatReply whose params map is empty or absent',
  'stage3-without-stage1': 'KeyExchange stage 3 on a connection without a stage-1 key exchange',
  'non-p256-public-key': 'KeyExchange stage 1 with an EC public key on a curve other than P-256',
  'p2p-blocked-sender': 'P2P chat to a user who follows the sender but removed their chat permission',
  'approve-friend': 'FriendOp ApproveFriend (11)',
  'group-invite-answer': 'GroupOp GroupInviteAnswer (6)',
  'join-auth-group': 'GroupJoinRequest on a group whose jointype is "auth"',
  'batch-receipt-before-login': 'MsgTChatReply with a params.batch on a connection without a logged-in user',
  'download-bad-name': 'MsgTDownload whose file name the file system refuses (over-long component, NUL byte)',
  'group-list-unloadable': "GroupListIn while one of the user's groups cannot be loaded",
  'upload-size-mismatch-dedupe':
    'upload chunk 0 whose hash matches a stored file whose recorded size differs from its size on disk',
  'login-user-missing': 'a login (by token) for a user id with no user record',
  'null-params-update':
    'an update of params.* (unregister, disable, recover, SetUserInfo with a custom key) on a user stored without params',
  'mail-code':
    'a request that makes the server mail a code (e-mail registration, e-mail login with a code or for an unknown address, SetUserInfo with an e-mail): the mail worker fails on its Windows-only template path',
  'user-update-refused':
    "SetUserInfo with a key MongoDB's $set refuses: empty, _id, $-prefixed, a path through a text, number or null field, or a path that overlaps another key's",
  'counter-not-numeric':
    'a friend operation whose follows/fans increment meets a counter SetUserInfo stored as text',
  'change-info-nothing-pending':
    'a change-info verification code accepted while no e-mail or phone change is pending',
} as const;

/** The stable name of a hazard; see {@link HAZARDS}. */
export type HazardName = keyof typeof HAZARDS;

/** One recorded hazard. */
export interface Hazard {
  /** A stable name from {@link HAZARDS}, or `'internal-error'` when the reference server itself failed. */
  readonly name: string;
  /** What happened, for people. */
  readonly detail: string;
  /** When, in milliseconds on the server's clock. */
  readonly at: number;
}

/** The list of hazards a server recorded. */
export interface HazardLog {
  record(name: string, detail: string): void;
  list(): readonly Hazard[];
  clear(): void;
}

/** Creates an empty {@link HazardLog} stamped by `now`. */
export function createHazardLog(now: () => number): HazardLog {
  let hazards: Hazard[] = [];
  return {
    record(name, detail) {
      hazards.push({ name, detail, at: now() });
    },
    list: () => hazards.slice(),
    clear() {
      hazards = [];
    },
  };
}

/**
 * Thrown by a handler that reached a point where the real server crashes. The dispatcher turns it into a
 * hazard and then drops the connection (strict) or answers with an error (lenient).
 */
export class HazardSignal extends BirdTalkError {
  override name = 'HazardSignal';
  /** Which hazard was reached. */
  readonly hazard: HazardName;
  constructor(hazard: HazardName, detail?: string) {
    super('SERVER_HAZARD', detail ?? HAZARDS[hazard], { details: { hazard } });
    this.hazard = hazard;
  }
}
