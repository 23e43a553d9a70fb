import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

/** The schema, loaded by reflection, for tests that walk every message type and field. */
export function loadSchema(): protobuf.Namespace {
  const root = new protobuf.Root();
  const protoDir = fileURLToPath(new URL('../../../proto/', import.meta.url));
  root.resolvePath = (_origin, target) => protoDir + target;
  root.loadSync(['msg.proto', 'user.proto'], { keepCase: true });
  root.resolveAll();
  return root.lookup('com.bird2fish.birdtalksdk.pbmodel') as protobuf.Namespace;
}

/** Every message type of the schema. */
export function messageTypes(): protobuf.Type[] {
  return loadSchema().nestedArray.filter((item): item is protobuf.Type => item instanceof protobuf.Type);
}
