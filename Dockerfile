# syntax=docker/dockerfile:1
# connect-gitops as a container:
#   docker build -t connect-gitops .
#   docker run --rm -v "$PWD:/workspace" -e AWS_REGION -e AWS_ACCESS_KEY_ID -e AWS_SECRET_ACCESS_KEY \
#     -e AWS_SESSION_TOKEN connect-gitops plan --instance-id <id>

# Node 20 reached end of life in April 2026; the image runs on an LTS line that is still maintained.
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: compile TypeScript with the full (dev) dependency set ----
FROM ${NODE_IMAGE} AS build
WORKDIR /src
# Dependencies first, so a source-only change reuses the cached install layer.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY schema ./schema
COPY model ./model
COPY src ./src
# scripts/ holds the build step that precompiles the schema validators (npm run build).
COPY scripts ./scripts
RUN npm run build

# ---- runtime: production dependencies and compiled output only ----
FROM ${NODE_IMAGE} AS runtime
# tini as PID 1 forwards SIGTERM/SIGINT to node (apply finishes the call in flight, then stops) and reaps
# zombies; node itself as PID 1 would ignore SIGTERM.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /opt/connect-gitops
COPY package.json package-lock.json ./
# --ignore-scripts: nothing in the production tree needs an install script, and none should run at build.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# The same layout as the npm package: dist/ holds the compiled CLI and the JSON it imports (the schema is
# emitted next to it by the compiler); schema/ and model/ are read at run time.
COPY --from=build /src/dist ./dist
COPY schema ./schema
COPY model ./model
RUN chmod 0755 dist/src/cli/main.js \
 && ln -s /opt/connect-gitops/dist/src/cli/main.js /usr/local/bin/connect-gitops
# Files stay root-owned and read-only to the user that runs them.
USER node
# Mount the repository here; the default --dir profiles is then ./profiles of the repository.
WORKDIR /workspace
ENTRYPOINT ["/usr/bin/tini", "--", "connect-gitops"]
CMD ["--help"]
