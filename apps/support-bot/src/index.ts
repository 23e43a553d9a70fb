export { type Desk, HELP_TEXT, type SupportContext, supportBot, type Ticket } from './support-bot.js';
