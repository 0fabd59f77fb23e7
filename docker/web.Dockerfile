# Beacon web image: the React SPA served by nginx, which also proxies /api to the api service.
# Build from the repository root:
#   docker build -f docker/web.Dockerfile -t beacon-web .
ARG NODE_IMAGE=node:20-bookworm-slim

# --- manifests: just the package files, so `npm ci` stays cached until dependencies change
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /out && cp package.json package-lock.json /out/ \
 && for f in apps/*/package.json libs/*/package.json; do \
      if [ -f "$f" ]; then cp --parents "$f" /out/; fi; \
    done

# --- build: the npm the project uses (npm 11 honours "allowScripts"), then Vite into dist/apps/web
FROM ${NODE_IMAGE} AS build
ARG NPM_VERSION=11.19.1
ENV NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NX_DAEMON=false \
    NX_NO_CLOUD=true
RUN npm install -g "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /app
COPY --from=manifests /out/ ./
RUN npm ci
COPY . .
# Hashed assets gzipped once, at the best ratio, for nginx's gzip_static (docker/nginx.conf).
RUN npx nx run web:build \
 && find dist/apps/web/assets -type f \( -name '*.js' -o -name '*.css' -o -name '*.svg' -o -name '*.json' \) \
      -exec gzip -9 --keep --no-name {} +

# --- runtime: nginx as an unprivileged user (uid 101), listening on 8080. 1.28 (stable) has the
# upstream `resolve` parameter docker/nginx.conf uses to follow the api replicas.
FROM nginxinc/nginx-unprivileged:1.28-alpine AS runtime
USER root
RUN rm -rf /usr/share/nginx/html/*
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/apps/web /usr/share/nginx/html
USER 101
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
