# Benchmark Tracker in production: the API serving the web app, as one image.
#   docker build -t benchmark-tracker .
#   docker run -d --restart=always --stop-timeout 15 -p 3000:3000 \
#     -e DATABASE_URL=postgres://… -e FILES_S3_BUCKET=… (or a volume on /data/files) -e TRUST_PROXY=true \
#     benchmark-tracker
# README "Running in production" lists the variables. The base image can be swapped (an internal
# mirror) with --build-arg NODE_IMAGE=….
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: every dependency, then the API and the web app
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api web --outputStyle=static \
 && npm prune --omit=dev --no-audit --no-fund

# ---- run: the built product and its runtime dependencies only, as a user without rights
FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    FILES_DIR=/data/files \
    WEB_DIR=/app/dist/apps/web/browser \
    SEEDS_DIR=/app/seeds
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/dist/apps/web ./dist/apps/web
COPY --from=build /app/seeds ./seeds
# The node image's own unprivileged user; FILES_DIR is its only writable place (unused with FILES_S3_BUCKET).
RUN mkdir -p /data/files && chown node:node /data/files
USER node
VOLUME ["/data/files"]
EXPOSE 3000
# Ready = the database answers and the migrations have run (GET /api/health/ready); no curl in the slim image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: the API answers the requests in flight (at most 10 s), then exits 0; give it 15 s (docker run --stop-timeout 15).
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/api/main.js"]
