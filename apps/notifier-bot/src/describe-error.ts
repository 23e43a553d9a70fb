import { describeStartupError } from '@birdtalk/bot/node';
import { isBirdTalkError } from '@birdtalk/errors';

/** One line for a person: why the notifier could not start or had to stop. */
export function describeError(error: unknown, server: string): string {
  if (isBirdTalkError(error, 'GROUP_NOT_FOUND')) {
    return `${error.message.replace(/^no visible group/, 'there is no group')} (or it is private and the bot is not a member); check BIRDTALK_NOTIFY_GROUP`;
  }
  return describeStartupError(error, server, {
    userId: 'BIRDTALK_BOT_ID',
    password: 'BIRDTALK_BOT_PASSWORD',
    pin: 'BIRDTALK_PIN',
  });
}
