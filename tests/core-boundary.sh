#!/usr/bin/env bash
# The domain crate must build without any web dependency. Cargo.toml is the
# real guard (core cannot import what it does not depend on); this check
# keeps a dependency from sneaking in transitively.
set -euo pipefail
found=$(cargo tree -p hit-core -e normal --prefix none | grep -E '^(leptos|web-sys|js-sys|gloo|wasm-bindgen)[ _-]' || true)
if [ -n "$found" ]; then
  echo "hit-core depends on web crates:" >&2
  echo "$found" >&2
  exit 1
fi
echo "core boundary OK: hit-core has no web dependency"
