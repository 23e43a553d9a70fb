import {
  type Context,
  type ConversationFlavor,
  conversations,
  createBot,
  type SessionFlavor,
  session,
} from '@birdtalk/bot';
import { createClient, p2p } from '@birdtalk/client';
import { createServer } from '@birdtalk/server';

const server = await createServer({ listen: false });
const botId = await server.createUser({ userName: 'helpdesk', password: 'secret' });
const adaId = await server.createUser({ userName: 'ada', password: 'secret', follows: [botId] });
const connect = (userId: string) =>
  createClient(
    { server: server.url, credentials: { method: 'id', userId, password: 'secret' } },
    { connector: server.connector() },
  );

// A help desk: each user's tickets live in their session; a conversation asks for a new one.
type MyContext = Context & SessionFlavor<{ tickets: string[] }> & ConversationFlavor;
const bot = createBot<MyContext>(connect(botId), { autoFollowBack: true });
bot.use(session({ initial: () => ({ tickets: [] as string[] }) }));
const convs = conversations<MyContext>({ onCancel: (ctx) => ctx.reply('cancelled') });
convs.define('ticket', async (conv) => {
  const subject = await conv.ask('what is it about?');
  const details = await conv.ask('tell me more');
  await conv.external((ctx) => ctx.session.tickets.push(`${subject.text}: ${details.text}`));
  await conv.reply('ticket saved');
});
bot.use(convs); // the answers stop here
bot.command('ticket', (ctx) => ctx.conversation.enter('ticket'));
bot.command('tickets', (ctx) => ctx.reply(ctx.session.tickets.join('\n') || 'no tickets'));
bot.catch((error, ctx) => ctx.reply(`sorry: ${String(error)}`));
await bot.start();

// A user talks to it: every message gets one answer.
const ada = connect(adaId);
ada.on('message', (message) => console.log(`bot: ${message.text}`));
await ada.start();
for (const text of ['/ticket', 'printer', 'it is jammed', '/tickets']) {
  const answer = ada.once('message');
  await ada.sendText(p2p(botId), text);
  await answer;
}

await Promise.all([bot.stop(), ada.stop()]);
await server.close();
console.log(`hazards: ${server.hazards().length}`);
