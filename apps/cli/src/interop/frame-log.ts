import { decodeMsg, type Msg } from '@birdtalk/proto';
import type { Connector, Transport } from '@birdtalk/transport';

/** Every frame the clients of an interop run sent, decoded, so a check can prove a request never left. */
export interface FrameLog {
  /** Frames sent so far (heartbeats included), in order. */
  readonly sent: readonly Msg[];
  /** Wraps a connector so that the frames its transports send are logged. */
  wrap(connector: Connector): Connector;
}

/** A new, empty {@link FrameLog}. */
export function createFrameLog(): FrameLog {
  const sent: Msg[] = [];
  const record = (frame: Uint8Array): void => {
    try {
      sent.push(decodeMsg(frame));
    } catch {
      // The session never sends an undecodable frame; if it did, the server check would see it, not this log.
    }
  };
  return {
    sent,
    wrap: (connector) => async (url, options) => {
      const transport = await connector(url, options);
      return new Proxy(transport, {
        get(target, property) {
          if (property === 'send') {
            return (frame: Uint8Array) => {
              record(frame);
              return target.send(frame);
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }) as Transport;
    },
  };
}
