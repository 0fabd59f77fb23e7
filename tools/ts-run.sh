#!/usr/bin/env sh
# Runs a TypeScript entry point of the API from source (decorator metadata included).
export TS_NODE_PROJECT="${TS_NODE_PROJECT:-apps/api/tsconfig.json}"
exec node -r ts-node/register/transpile-only -r tsconfig-paths/register "$@"
