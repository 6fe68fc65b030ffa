# One image for both services of docker-compose.yml:
#   pnpm --filter @interview/api start           (HTTP API + web UI, port 8000)
#   pnpm --filter @interview/voice-agent start   (LiveKit voice worker)

# --- build: dependencies (hnswlib-node compiles from source) and the web UI --------------------
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# corepack's signature check can fail against the registry; a global pnpm works everywhere.
RUN npm i -g pnpm@10
WORKDIR /app

# Manifests first, so the dependency layer is rebuilt only when they change. Every workspace
# package must be here for --frozen-lockfile to match the lockfile's importers.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages/graph/package.json packages/graph/
COPY packages/shared-state/package.json packages/shared-state/
COPY apps/api/package.json apps/api/
COPY apps/voice-agent/package.json apps/voice-agent/
COPY apps/web/package.json apps/web/
COPY bench/package.json bench/
# onnxruntime-node's postinstall download is skipped (pnpm-workspace.yaml ignores its build
# script; this is the package's own switch too): the Silero VAD uses the CPU binary it bundles.
ENV ONNXRUNTIME_NODE_INSTALL=skip
RUN pnpm install --frozen-lockfile

COPY . .
RUN pnpm --filter @interview/web build

# --- runtime: no compiler, not root ------------------------------------------------------------
FROM node:20-bookworm-slim
RUN npm i -g pnpm@10
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
ENV HOST=0.0.0.0 PORT=8000
EXPOSE 8000
CMD ["pnpm", "--filter", "@interview/api", "start"]
