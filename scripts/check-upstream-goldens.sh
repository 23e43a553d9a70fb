#!/usr/bin/env bash
# Replays the transcripts recorded from the real BirdTalk server (../shared/conformance, beside a development
# checkout) against the reference server in strict mode, with the recording's own Python runner. A user's clone
# has nothing beside it: then this says so and succeeds. Needs /usr/bin/python3 with websockets, protobuf and
# cryptography, and protoc (Debian: python3-websockets python3-protobuf python3-cryptography protobuf-compiler).
set -euo pipefail
cd "$(dirname "$0")/.."
conformance=../shared/conformance
if [ ! -f "$conformance/run.py" ]; then
  echo "check-upstream-goldens: no $conformance beside the repository, skipped"
  exit 0
fi
server_cli=(node --conditions=@birdtalk/source --import tsx packages/server/src/cli.ts)
# The transcripts assume an empty server: never load a saved state.
memory=()
if "${server_cli[@]}" --help | grep -q -- '--memory'; then memory=(--memory); fi
log=$(mktemp)
"${server_cli[@]}" --port 0 --strict "${memory[@]}" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
url=
for _ in $(seq 1 100); do
  url=$(grep -o 'ws://[^ ]*' "$log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; echo "check-upstream-goldens: the reference server did not start"; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { cat "$log"; echo "check-upstream-goldens: no URL from the reference server"; exit 1; }
/usr/bin/python3 "$conformance/run.py" proto "$url" "$conformance/scenarios" --compare "$conformance/golden"
