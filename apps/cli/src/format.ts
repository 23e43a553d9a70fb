import type {
  ChatMessage,
  ChatTarget,
  GroupDetails,
  GroupMemberInfo,
  RecallEvent,
  ReceiptEvent,
  SentMessage,
  UploadResult,
  UserProfile,
} from '@birdtalk/client';
import type { UserInfo } from '@birdtalk/proto';
import type { OutputRecord } from './output.js';

/** A chat target as JSON: `{ type: 'p2p', userId }` or `{ type: 'group', groupId }`. */
export function chatRecord(chat: ChatTarget): Record<string, string> {
  return chat.type === 'p2p'
    ? { type: 'p2p', userId: chat.userId }
    : { type: 'group', groupId: chat.groupId };
}

/** A chat target for people: `user 10002` or `group 10005`. */
export function chatText(chat: ChatTarget): string {
  return chat.type === 'p2p' ? `user ${chat.userId}` : `group ${chat.groupId}`;
}

/** The logged-in user as a record. */
export function userInfoRecord(user: UserInfo, server: string): OutputRecord {
  return {
    type: 'user',
    userId: user.userId,
    userName: user.userName,
    nickName: user.nickName,
    ...(user.email === '' || user.email === '*' ? {} : { email: user.email }),
    server,
  };
}

/** The logged-in user for people. */
export function userInfoText(user: UserInfo, server: string): string {
  const nick = user.nickName !== '' && user.nickName !== user.userName ? ` "${user.nickName}"` : '';
  return `${user.userName}${nick} (id ${user.userId}) on ${server}`;
}

/** A user profile as a record. */
export function profileRecord(user: UserProfile): OutputRecord {
  return {
    type: 'user',
    userId: user.userId,
    userName: user.userName,
    nickName: user.nickName,
    ...(user.email === undefined ? {} : { email: user.email }),
    ...(user.phone === undefined ? {} : { phone: user.phone }),
    follows: user.follows,
    fans: user.fans,
  };
}

/** A user profile on one line: id, name, nick. */
export function profileText(user: UserProfile): string {
  const nick = user.nickName !== '' && user.nickName !== user.userName ? `  "${user.nickName}"` : '';
  const email = user.email === undefined ? '' : `  <${user.email}>`;
  return `${user.userId.padEnd(8)} ${user.userName}${nick}${email}`;
}

/** A group as a record. */
export function groupRecord(group: GroupDetails): OutputRecord {
  return {
    type: 'group',
    groupId: group.groupId,
    name: group.name,
    groupType: group.type,
    visibility: group.visibility,
    joinType: group.joinType,
    ...(group.brief === '' ? {} : { brief: group.brief }),
    ...(group.tags.length === 0 ? {} : { tags: group.tags }),
  };
}

/** A group on one line. */
export function groupText(group: GroupDetails): string {
  const flags = [group.visibility, group.joinType].filter((flag) => flag !== '').join(', ');
  return `${group.groupId.padEnd(8)} ${group.name}${flags === '' ? '' : `  (${flags})`}`;
}

/** A group member as a record. */
export function memberRecord(groupId: string, member: GroupMemberInfo): OutputRecord {
  return { type: 'member', groupId, userId: member.userId, nick: member.nick, role: member.role };
}

/** A group member on one line. */
export function memberText(member: GroupMemberInfo): string {
  return `${member.userId.padEnd(8)} ${member.nick === '' ? '-' : member.nick}  ${member.role}`;
}

/** An acknowledged send as a record. */
export function sentRecord(sent: SentMessage, upload?: UploadResult): OutputRecord {
  return {
    type: 'sent',
    id: sent.id,
    sendId: sent.sendId,
    chat: chatRecord(sent.chat),
    time: sent.time,
    ...(upload === undefined ? {} : { file: uploadFields(upload) }),
  };
}

/** The fields of an upload. */
export function uploadFields(upload: UploadResult): Record<string, unknown> {
  return {
    storedName: upload.storedName,
    name: upload.name,
    size: upload.size,
    md5: upload.md5,
    deduplicated: upload.deduplicated,
  };
}

/** An incoming or historical message as a record. */
export function messageRecord(message: ChatMessage): OutputRecord {
  const attachment = message.attachment;
  return {
    type: 'message',
    id: message.id,
    chat: chatRecord(message.chat),
    from: message.from,
    to: message.to,
    kind: message.kind,
    text: message.text,
    time: message.time,
    own: message.own,
    catchingUp: message.catchingUp,
    ...(message.quote === undefined ? {} : { quote: message.quote }),
    ...(message.recalled ? { recalled: true } : {}),
    ...(attachment === undefined
      ? {}
      : {
          attachment: {
            kind: attachment.kind,
            name: attachment.name,
            mime: attachment.mime,
            size: attachment.size,
            ...(attachment.ref === undefined ? {} : { ref: attachment.ref }),
          },
        }),
  };
}

/**
 * A message for people: `[12:01:33] 10001 → you: hello`, `[12:01:33] 10001 in group 10005: hi`, with the
 * attachment's name, size and stored name.
 */
export function messageText(message: ChatMessage, options: { readonly withDate?: boolean } = {}): string {
  const when = formatTime(message.time, options.withDate ?? false);
  const from = message.own ? 'you' : message.from;
  const where =
    message.chat.type === 'group'
      ? ` in group ${message.chat.groupId}`
      : message.own
        ? ` → ${message.chat.userId}`
        : ' → you';
  const attachment = message.attachment;
  // The text, names and stored names come from another user: printed as they are, they could move the
  // cursor, rewrite the screen or forge lines that look like messages from someone else.
  let body = printable(message.text.trim());
  if (attachment !== undefined) {
    const size = attachment.size > 0 ? `, ${formatBytes(attachment.size)}` : '';
    const ref = attachment.ref === undefined ? '' : ` — birdtalk download ${printable(attachment.ref)}`;
    const name = attachment.name === '' ? 'unnamed' : printable(attachment.name);
    body = `[${attachment.kind} ${name}${size}]${ref}${body === '' ? '' : ` ${body}`}`;
  }
  const recalled = message.recalled ? ' (recalled)' : '';
  return `[${when}] ${from}${where}: ${body}${recalled}`;
}

/** What continuation lines of a multi-line text start with, so that no line can pass for a message line. */
export const CONTINUATION = '  ┆ ';

/**
 * Text from another user made safe for a terminal: control characters (C0 but tab and line feed, DEL, C1) and
 * the invisible direction overrides are shown as `\x1b`-style escapes, so escape sequences never reach the
 * terminal, and every line after the first starts with {@link CONTINUATION}.
 */
export function printable(text: string): string {
  const escaped = text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu,
    (char) => {
      const code = char.codePointAt(0) ?? 0;
      return code <= 0xff
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`;
    },
  );
  return escaped.split('\n').join(`\n${CONTINUATION}`);
}

/** A receipt as a record. */
export function receiptRecord(receipt: ReceiptEvent): OutputRecord {
  return {
    type: 'receipt',
    ids: receipt.ids,
    by: receipt.by,
    ...(receipt.deliveredAt === undefined ? {} : { deliveredAt: receipt.deliveredAt }),
    ...(receipt.readAt === undefined ? {} : { readAt: receipt.readAt }),
  };
}

/** A recall as a record. */
export function recallRecord(recall: RecallEvent): OutputRecord {
  return { type: 'recall', id: recall.id, chat: chatRecord(recall.chat), by: recall.by };
}

/** A time as `HH:MM:SS` (or `YYYY-MM-DD HH:MM:SS`) in the local time zone. */
export function formatTime(ms: number, withDate: boolean): string {
  const date = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  if (!withDate) return time;
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${time}`;
}

/** A byte count for people: `512 B`, `1.5 KiB`, `12.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
