# syntax=docker/dockerfile:1
# zhkh-bridge: the hub (API, sync workers, CLI) on the official Node.js image. See docs/deploy.md.
#   docker build -t zhkh-bridge .
#   docker run --rm -p 8080:8080 -v zhkh-data:/data zhkh-bridge              # embedded store
#   docker run --rm -e DATABASE_URL=… -e ZHKH_SECRET_KEY=… zhkh-bridge worker  # a worker on PostgreSQL
ARG NODE_VERSION=24

# ---- build: TypeScript → dist/, the operator console (web/, React + Vite) → web/dist/ ----------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: `prepare` would build before the sources are here (the build is the next step).
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
# `npm run build` compiles the hub and builds the console (static files the hub serves at /ui/).
RUN npm run build

# ---- runtime: production dependencies, the compiled hub, the migrations; runs as `node` -------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY drizzle ./drizzle
# The operator console's static files, served at /ui/ (src/hub/mount-console.ts).
COPY --from=build /app/web/dist ./web/dist
# The embedded store (and its secret.key) live under /data: mount a volume there. On PostgreSQL
# (DATABASE_URL) nothing is written to disk.
RUN mkdir -p /data && chown node:node /data
USER node
ENV ZHKH_DATA_DIR=/data/store HOST=0.0.0.0 PORT=8080
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/zhkh-bridge.js"]
CMD ["serve"]
