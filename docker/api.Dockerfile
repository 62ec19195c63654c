# syntax=docker/dockerfile:1
# Challenge Fund API image: the HTTP API under /api, the console at /, and the CLI
# (`node dist/apps/api/apps/api/src/cli.js migrate | migrate:revert | seed-demo`).
# Build context: the repository root (compose.yaml sets `context: ..`).
#
#   docker build -f docker/api.Dockerfile -t challenge-fund-api .
#
# The `build` stage is identical to the one in worker.Dockerfile, so BuildKit builds it once
# for both images: keep the two in step.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: all dependencies, compile API + worker + console, then prune to production deps ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# npm_config_nodedir: node-gyp uses the headers that the node image ships in /usr/local/include/node
# instead of downloading them.
ENV CI=true \
    SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    npm_config_nodedir=/usr/local
# Compilers for argon2: its prebuilt binaries declare Node-API 10 and crash Node 20 (Node-API 9) at load,
# so its install script (node-gyp-build) compiles it; the result lands in node_modules/argon2/build.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The lockfile is written by npm 11; node:20 ships npm 10.
RUN npm install -g npm@11 --no-audit --no-fund
# `npm ci` fails with this lockfile (other platforms' optional binaries are missing); `npm install` resolves them.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-audit --no-fund
COPY nest-cli.json .swcrc tsconfig.json tsconfig.base.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build \
 && test -f dist/apps/api/apps/api/src/main.js \
 && test -f dist/apps/api/apps/api/src/cli.js \
 && test -f dist/apps/worker/apps/worker/src/main.js \
 && test -f dist/console/index.html \
 && npm prune --omit=dev --no-audit --no-fund \
 && node -e "require('argon2')"

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    CONSOLE_DIR=/app/dist/console
WORKDIR /app
# Code stays owned by root (read-only for the app); only DATA_DIR is writable by `node`.
# A named volume mounted on /data starts with this ownership (compose.yaml mounts one).
RUN mkdir -p /data && chown node:node /data
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/dist/console ./dist/console
# Fails the build here, not at the first sign-in, if a native module does not load on the runtime image.
RUN node -e "require('argon2')"
USER node
EXPOSE 3000
# Healthy once migrations have run and the database (and Redis, when configured) answer.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# An old generation of 256 MiB: the API needs well under 100 MiB of live heap, and without a cap V8 lets garbage grow
# to 250 MiB and more under load on a large host (docs/benchmarks.md). Override with NODE_OPTIONS if needed.
CMD ["node", "--enable-source-maps", "--max-old-space-size=256", "dist/apps/api/apps/api/src/main.js"]
