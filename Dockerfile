# syntax=docker/dockerfile:1
# Lattice replica image (SPEC §7). One replica per container; configuration only through the
# LATTICE_* environment (lattice start --help lists it); data in the /var/lib/lattice volume.
#
#   docker build -t lattice .
#   docker run -p 8080:8080 -v lattice-data:/var/lib/lattice -e LATTICE_CLUSTER_SECRET=… lattice
#
# docker-compose.yml runs three regions of it; deploy/kubernetes/ has a StatefulSet example.

# ---- build: compile the TypeScript, then keep only the production dependencies ----------------
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: the package's `prepare` would build before the sources are here. The native
# LevelDB binding (classic-level) ships prebuilt binaries for linux x64/arm64 glibc, found at
# run time, so no install script is needed for it.
RUN npm ci --ignore-scripts
# Everything the build script may need (sources, demo assets); .dockerignore keeps out local data,
# secrets, node_modules and dist.
COPY . .
RUN node scripts/build.mjs \
 && rm -rf dist/e2e dist/bench \
 && find dist -name '*.test.js' -delete -o -name '*.test.js.map' -delete -o -name '*.test.d.ts' -delete \
 && npm prune --omit=dev --ignore-scripts

# ---- runtime: node and the compiled replica, nothing else ---------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    LATTICE_HOST=0.0.0.0 \
    LATTICE_PORT=8080 \
    LATTICE_DATA_DIR=/var/lib/lattice
WORKDIR /app
COPY --from=build /src/package.json /src/package-lock.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
# The image's own unprivileged user (uid 1000, "node") owns the data directory and runs the replica.
RUN mkdir -p /var/lib/lattice && chown node:node /var/lib/lattice
USER node
VOLUME ["/var/lib/lattice"]
# HTTP API, client WebSocket and gossip share one port.
EXPOSE 8080
# The slim image has no curl: node itself asks /readyz (ready once the store is open and the
# services are loaded). fetch leaves no socket open past the process, which exits at once.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.LATTICE_PORT||8080)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "dist/server/cli/main.js"]
CMD ["start"]
