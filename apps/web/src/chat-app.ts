// The chat screen: contacts and groups on the left, one conversation on the right, the connection state on top.
import {
  type ChatMessage,
  type ChatTarget,
  type Client,
  group,
  p2p,
  targetId,
  targetKey,
} from '@birdtalk/client';
import { Conversation, type ShownMessage } from './conversation.js';
import { h, replaceChildren } from './dom.js';
import { connectionLabel, formatBytes, formatTime, stateMark } from './format.js';

/** A contact or group in the side bar. */
interface Entry {
  readonly target: ChatTarget;
  title: string;
}

/** Mounts the chat screen of a started client into `root`; `onLogout` runs after the client stopped. */
export function mountChat(root: HTMLElement, client: Client, onLogout: () => void): void {
  const me = client.user?.userId ?? '';
  const entries = new Map<string, Entry>();
  const conversations = new Map<string, Conversation>();
  const unread = new Map<string, number>();
  const blobUrls = new Map<string, Promise<string>>();
  let active: Conversation | undefined;

  // ---- layout ----
  const status = h('span', { role: 'status', class: 'connection', 'data-state': client.state });
  const setStatus = (state: string): void => {
    status.textContent = connectionLabel(state);
    status.dataset.state = state;
  };
  setStatus(client.state);
  const notice = h('p', { role: 'alert', class: 'notice' });
  const contactList = h('ul', { class: 'entries', 'aria-label': 'Contacts' });
  const groupList = h('ul', { class: 'entries', 'aria-label': 'Groups' });
  const title = h('h2', { id: 'chat-title' }, 'Pick a contact or a group');
  const headerActions = h('div', { class: 'chat-actions' });
  const olderButton = h('button', { type: 'button', class: 'older', hidden: true }, 'Load older messages');
  const log = h('ol', {
    class: 'messages',
    role: 'log',
    'aria-labelledby': 'chat-title',
    'aria-live': 'polite',
  });
  const input = h('textarea', {
    id: 'message',
    name: 'message',
    rows: 2,
    placeholder: 'Write a message — Enter sends, Shift+Enter starts a new line',
    disabled: true,
  });
  const sendButton = h('button', { type: 'submit', disabled: true }, 'Send');
  const fileInput = h('input', { id: 'attach', type: 'file', disabled: true });
  const progress = h('progress', { class: 'upload', max: 1, value: 0, hidden: true, 'aria-label': 'Upload' });
  const composer = h(
    'form',
    { class: 'composer', 'aria-label': 'Write a message' },
    h('label', { for: 'message', class: 'visually-hidden' }, 'Message'),
    input,
    sendButton,
    h(
      'div',
      { class: 'attach-row' },
      h('label', { for: 'attach' }, 'Attach an image or file (or drop it on the chat)'),
      fileInput,
    ),
    progress,
  );
  const chat = h(
    'section',
    { class: 'chat', 'aria-labelledby': 'chat-title' },
    h('div', { class: 'chat-head' }, title, headerActions),
    olderButton,
    log,
    composer,
  );

  const followInput = h('input', {
    id: 'follow-id',
    name: 'follow-id',
    inputmode: 'numeric',
    required: true,
  });
  const groupNameInput = h('input', { id: 'group-name', name: 'group-name', required: true });
  const joinInput = h('input', { id: 'join-id', name: 'join-id', inputmode: 'numeric', required: true });
  const sidebar = h(
    'nav',
    { class: 'sidebar', 'aria-label': 'Chats' },
    h('h2', {}, 'Contacts'),
    contactList,
    form('Follow', h('label', { for: 'follow-id' }, 'Follow a user by id'), followInput, async () => {
      const id = followInput.value.trim();
      await client.friends.follow(id);
      followInput.value = '';
      await addUser(id);
      open(p2p(id));
    }),
    h('h2', {}, 'Groups'),
    groupList,
    form('Create', h('label', { for: 'group-name' }, 'New group'), groupNameInput, async () => {
      const created = await client.groups.create({ name: groupNameInput.value.trim() });
      groupNameInput.value = '';
      entries.set(targetKey(group(created.groupId)), { target: group(created.groupId), title: created.name });
      renderEntries();
      open(group(created.groupId));
    }),
    form('Join', h('label', { for: 'join-id' }, 'Join a group by id'), joinInput, async () => {
      const joined = await client.groups.join(joinInput.value.trim());
      joinInput.value = '';
      entries.set(targetKey(group(joined.groupId)), { target: group(joined.groupId), title: joined.name });
      renderEntries();
      open(group(joined.groupId));
    }),
  );
  const logout = h('button', { type: 'button', class: 'logout' }, 'Log out');
  const header = h(
    'header',
    { class: 'top' },
    h('strong', {}, 'BirdTalk'),
    status,
    h('span', { class: 'me' }, `${client.user?.nickName || client.user?.userName || ''} · id ${me}`),
    logout,
  );
  replaceChildren(root, h('div', { class: 'app' }, header, notice, sidebar, chat));

  // ---- helpers ----
  function form(
    label: string,
    caption: Node,
    field: HTMLInputElement,
    run: () => Promise<void>,
  ): HTMLFormElement {
    const button = h('button', { type: 'submit' }, label);
    const element = h('form', { class: 'side-form' }, caption, h('div', { class: 'row' }, field, button));
    element.addEventListener('submit', (event) => {
      event.preventDefault();
      button.disabled = true;
      run()
        .then(() => say(''))
        .catch((error: unknown) => say(messageOf(error)))
        .finally(() => {
          button.disabled = false;
        });
    });
    return element;
  }

  function say(text: string): void {
    notice.textContent = text;
  }

  function conversationOf(target: ChatTarget): Conversation {
    const key = targetKey(target);
    let conversation = conversations.get(key);
    if (conversation === undefined) {
      conversation = new Conversation(target, () => client.history(target)[Symbol.asyncIterator]());
      conversations.set(key, conversation);
    }
    return conversation;
  }

  async function addUser(userId: string): Promise<void> {
    const key = targetKey(p2p(userId));
    if (entries.has(key)) return;
    const entry: Entry = { target: p2p(userId), title: `user ${userId}` };
    entries.set(key, entry);
    renderEntries();
    const profile = await client.users.get(userId).catch(() => undefined);
    if (profile !== undefined) {
      entry.title = profile.nickName || profile.userName || entry.title;
      renderEntries();
      if (active !== undefined && targetKey(active.target) === key) renderHead();
    }
  }

  function renderEntries(): void {
    const item = (entry: Entry): HTMLLIElement => {
      const key = targetKey(entry.target);
      const count = unread.get(key) ?? 0;
      const current = active !== undefined && targetKey(active.target) === key;
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'entry',
            'aria-current': current ? 'true' : undefined,
            onclick: () => open(entry.target),
          },
          h('span', { class: 'name' }, entry.title),
          h('span', { class: 'id' }, targetId(entry.target)),
          count > 0 && h('span', { class: 'badge', 'aria-label': `${count} unread` }, String(count)),
        ),
      );
    };
    const all = [...entries.values()].sort((a, b) => a.title.localeCompare(b.title));
    replaceChildren(contactList, ...all.filter((entry) => entry.target.type === 'p2p').map(item));
    replaceChildren(groupList, ...all.filter((entry) => entry.target.type === 'group').map(item));
  }

  function renderHead(): void {
    if (active === undefined) return;
    const target = active.target;
    const entry = entries.get(targetKey(target));
    title.textContent = `${entry?.title ?? targetId(target)} (${target.type === 'group' ? 'group' : 'id'} ${targetId(target)})`;
    if (target.type === 'p2p') {
      const unfollow = h('button', { type: 'button' }, 'Unfollow');
      unfollow.addEventListener('click', () => {
        client.friends
          .unfollow(targetId(target))
          .then(() => say(`You no longer follow ${targetId(target)}: they can no longer write to you.`))
          .catch((error: unknown) => say(messageOf(error)));
      });
      replaceChildren(headerActions, unfollow);
    } else {
      replaceChildren(headerActions);
    }
  }

  function open(target: ChatTarget): void {
    active = conversationOf(target);
    unread.delete(targetKey(target));
    for (const element of [input, sendButton, fileInput]) element.disabled = false;
    renderEntries();
    renderHead();
    renderMessages();
    input.focus();
    if (active.messages().length === 0 && active.hasOlder) void loadOlder(true);
  }

  async function loadOlder(scrollToEnd = false): Promise<void> {
    const conversation = active;
    if (conversation === undefined) return;
    olderButton.disabled = true;
    try {
      await conversation.loadOlder();
    } catch (error) {
      say(messageOf(error));
    } finally {
      olderButton.disabled = false;
    }
    if (conversation === active) renderMessages(scrollToEnd);
  }
  olderButton.addEventListener('click', () => void loadOlder());

  function renderMessages(scrollToEnd = true): void {
    if (active === undefined) return;
    const messages = active.messages();
    olderButton.hidden = !active.hasOlder;
    replaceChildren(log, ...messages.map(renderMessage));
    if (scrollToEnd) log.scrollTop = log.scrollHeight;
    markRead(messages);
  }

  function renderMessage(message: ShownMessage): HTMLLIElement {
    const { mark, label } = stateMark(message.state);
    const author = message.own
      ? 'you'
      : (entries.get(targetKey(p2p(message.from)))?.title ?? `user ${message.from}`);
    return h(
      'li',
      { class: message.own ? 'message own' : 'message', 'data-id': message.id },
      h('span', { class: 'author' }, author),
      message.text.trim() !== '' && h('p', { class: 'text' }, message.text),
      message.attachment !== undefined && renderAttachment(message.attachment),
      h(
        'span',
        { class: 'meta' },
        h('time', { datetime: new Date(message.time).toISOString() }, formatTime(message.time, Date.now())),
        message.own &&
          mark !== '' &&
          h('span', { class: 'state', 'aria-label': label, title: label }, ` ${mark}`),
      ),
    );
  }

  function renderAttachment(attachment: NonNullable<ShownMessage['attachment']>): HTMLElement {
    const ref = attachment.ref;
    const caption = `${attachment.name} (${formatBytes(attachment.size)})`;
    if (ref === undefined) return h('span', { class: 'file' }, caption);
    if (attachment.kind === 'image') {
      const image = h('img', {
        class: 'image',
        alt: attachment.name,
        width: attachment.width,
        height: attachment.height,
      });
      urlOf(ref, attachment.mime).then(
        (url) => {
          image.src = url;
        },
        () => {
          image.alt = `${attachment.name} (could not be downloaded)`;
        },
      );
      return h('figure', {}, image, h('figcaption', {}, caption));
    }
    const link = h('a', { class: 'file', href: '#', download: attachment.name }, `Download ${caption}`);
    link.addEventListener('click', (event) => {
      if (link.getAttribute('href') !== '#') return;
      event.preventDefault();
      urlOf(ref, attachment.mime).then(
        (url) => {
          link.href = url;
          link.click();
        },
        (error: unknown) => say(messageOf(error)),
      );
    });
    return link;
  }

  function urlOf(ref: string, mime: string): Promise<string> {
    let url = blobUrls.get(ref);
    if (url === undefined) {
      url = client.files
        .downloadBytes(ref)
        .then((bytes) => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime })));
      url.catch(() => blobUrls.delete(ref));
      blobUrls.set(ref, url);
    }
    return url;
  }

  /** Tells senders we read what is on screen (P2P only: the server has no group read receipts). */
  function markRead(messages: readonly ShownMessage[]): void {
    if (document.visibilityState === 'hidden') return;
    const fresh = messages.filter(
      (message) => !message.own && !message.readSent && message.source !== undefined,
    );
    if (fresh.length === 0 || active?.target.type !== 'p2p') return;
    for (const message of fresh) message.readSent = true;
    client.markRead(fresh.map((message) => message.source as ChatMessage)).catch(() => undefined);
  }

  // ---- sending ----
  async function sendText(): Promise<void> {
    const conversation = active;
    const text = input.value;
    if (conversation === undefined || text.trim() === '') return;
    input.value = '';
    try {
      const sent = await client.sendText(conversation.target, text);
      conversation.addSent({
        id: sent.id,
        from: me,
        text,
        time: sent.time,
        state: client.messageState(sent.id),
      });
      if (conversation === active) renderMessages();
    } catch (error) {
      input.value = text;
      say(messageOf(error));
    }
  }

  async function sendFile(file: File): Promise<void> {
    const conversation = active;
    if (conversation === undefined) return;
    progress.hidden = false;
    progress.value = 0;
    const onProgress = ({ sentBytes, totalBytes }: { sentBytes: number; totalBytes: number }): void => {
      progress.value = totalBytes === 0 ? 1 : sentBytes / totalBytes;
    };
    try {
      const isImage = file.type.startsWith('image/');
      const { message, upload } = isImage
        ? await client.media.sendImage(conversation.target, file, { onProgress })
        : await client.media.sendFile(conversation.target, file, { onProgress });
      conversation.addSent({
        id: message.id,
        from: me,
        text: '',
        time: message.time,
        state: client.messageState(message.id),
        attachment: {
          kind: isImage ? 'image' : 'file',
          ref: upload?.storedName,
          inline: undefined,
          name: file.name,
          mime: file.type || 'application/octet-stream',
          size: file.size,
        },
      });
      if (conversation === active) renderMessages();
    } catch (error) {
      say(messageOf(error));
    } finally {
      progress.hidden = true;
    }
  }

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendText();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void sendText();
    }
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file !== undefined) void sendFile(file);
  });
  chat.addEventListener('dragover', (event) => {
    if (active === undefined) return;
    event.preventDefault();
    chat.classList.add('dropping');
  });
  chat.addEventListener('dragleave', () => chat.classList.remove('dropping'));
  chat.addEventListener('drop', (event) => {
    event.preventDefault();
    chat.classList.remove('dropping');
    for (const file of Array.from(event.dataTransfer?.files ?? [])) void sendFile(file);
  });

  // ---- events ----
  client.on('state', ({ to }) => setStatus(to));
  client.on('message', (message) => {
    const conversation = conversationOf(message.chat);
    conversation.add(message);
    if (message.chat.type === 'p2p') void addUser(message.chat.userId);
    else if (!entries.has(targetKey(message.chat))) {
      entries.set(targetKey(message.chat), { target: message.chat, title: `group ${message.chat.groupId}` });
    }
    if (conversation === active) renderMessages();
    else {
      const key = targetKey(message.chat);
      unread.set(key, (unread.get(key) ?? 0) + 1);
      renderEntries();
    }
  });
  client.on('message-state', ({ id, chat: target, state }) => {
    if (id === undefined || target === undefined) return;
    if (
      conversationOf(target).setState(id, state) &&
      active !== undefined &&
      targetKey(target) === targetKey(active.target)
    ) {
      renderMessages(false);
    }
  });
  client.on('closed', ({ reason }) => {
    setStatus('closed');
    if (reason !== 'stopped') say(`The connection is over (${reason}). Reload the page to log in again.`);
  });
  document.addEventListener('visibilitychange', () => {
    if (active !== undefined) markRead(active.messages());
  });
  logout.addEventListener('click', () => {
    logout.disabled = true;
    client.stop({ drainTimeoutMs: 2_000 }).finally(onLogout);
  });

  // ---- first load ----
  void (async () => {
    try {
      for await (const user of client.friends.follows()) {
        entries.set(targetKey(p2p(user.userId)), {
          target: p2p(user.userId),
          title: user.nickName || user.userName || `user ${user.userId}`,
        });
      }
      for (const details of await client.groups.listMine()) {
        entries.set(targetKey(group(details.groupId)), {
          target: group(details.groupId),
          title: details.name,
        });
      }
    } catch (error) {
      say(messageOf(error));
    }
    renderEntries();
  })();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
