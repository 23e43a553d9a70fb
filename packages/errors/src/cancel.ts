import { BirdTalkError, type BirdTalkErrorOptions } from './errors.js';

/** A request or wait did not finish within its deadline. */
export class TimeoutError extends BirdTalkError {
  override name = 'TimeoutError';

  constructor(message: string, options: BirdTalkErrorOptions = {}) {
    super('TIMEOUT', message, options);
  }
}

/** A request or wait was cancelled through its `AbortSignal`, or because its owner closed. */
export class AbortError extends BirdTalkError {
  override name = 'AbortError';

  constructor(message = 'The operation was aborted', options: BirdTalkErrorOptions = {}) {
    super('ABORTED', message, options);
  }
}
