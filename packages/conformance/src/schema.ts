import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';

/** The package of every message in the wire schema. */
const packageName = 'com.bird2fish.birdtalksdk.pbmodel';
const protoFiles = ['msg.proto', 'user.proto'] as const;

let cached: protobuf.Root | undefined;

/**
 * The wire schema as a reflection tree, read from the workspace's `proto/*.proto`. Transcripts print fields in
 * field-number order with their proto names and enum names, which only the schema itself knows (the generated
 * codec keeps no field numbers at run time).
 */
export function schemaRoot(): protobuf.Root {
  if (cached !== undefined) return cached;
  const root = new protobuf.Root();
  for (const file of protoFiles) {
    const source = readFileSync(new URL(`../../../proto/${file}`, import.meta.url), 'utf8');
    protobuf.parse(source, root, { keepCase: true });
  }
  root.resolveAll();
  cached = root;
  return root;
}

/** One message type of the schema by its short name (`'Msg'`, `'MsgChat'`, …). */
export function messageType(name: string): protobuf.Type {
  return schemaRoot().lookupType(`${packageName}.${name}`);
}
