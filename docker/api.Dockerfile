# Beacon API image. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t beacon-api .
# Plain Dockerfile syntax (no BuildKit-only features), so the legacy builder used by
# docker-compose v1 builds it as well as BuildKit does.
ARG NODE_IMAGE=node:20-bookworm-slim

# --- manifests: just the package files, so `npm ci` stays cached until dependencies change
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /out && cp package.json package-lock.json /out/ \
 && for f in apps/*/package.json libs/*/package.json; do \
      if [ -f "$f" ]; then cp --parents "$f" /out/; fi; \
    done

# --- base: the npm the project uses (npm 11 honours package.json "allowScripts")
FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION=11.19.1
ENV NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NX_DAEMON=false \
    NX_NO_CLOUD=true
RUN npm install -g "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /app
COPY --from=manifests /out/ ./

# --- deps: production dependencies only, for the runtime image
FROM base AS deps
RUN npm ci --omit=dev && npm cache clean --force

# --- build: every dependency, then tsc + tsc-alias into dist/apps/api
FROM base AS build
RUN npm ci
COPY . .
RUN npx nx run api:build

# --- runtime: compiled API + production node_modules, run as the unprivileged `node` user
FROM ${NODE_IMAGE} AS runtime
# glibc malloc (docs/performance.md): argon2id hashes 19 MiB blocks on libuv's threads. Two
# arenas instead of one per thread kept 30-40 MB less resident at no measurable CPU; a fixed
# mmap threshold gives each block back when its hash ends (glibc's moving threshold kept them:
# 317 MB peak under 16 sign-ins, against 226), for about 20% more CPU per sign-in.
ENV NODE_ENV=production \
    PORT=3000 \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
# Files stay owned by root: the process can read its code but not change it.
COPY --from=deps /app/package.json ./package.json
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/api ./dist/apps/api
USER node
EXPOSE 3000
# Ready: database up, migrations current, not shutting down (GET /api/health/ready).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The API finishes its requests on SIGTERM (docs/runbook.md); say so rather than rely on the default.
STOPSIGNAL SIGTERM
# V8 lets the heap grow to twice what survived the last full collection (docs/performance.md):
# its default on a large machine is four times, about 300 MB under load, nearly all garbage.
CMD ["node", "--heap-growing-percent=100", "dist/apps/api/apps/api/src/main.js"]
