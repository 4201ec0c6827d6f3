# syntax=docker/dockerfile:1
# The incident app as a container: `docker build -t incident-app .`, then
# `docker run --env-file .env -p 3000:3000 incident-app` (see docs/getting-started.md).

# --- build: compile TypeScript with the dev dependencies ---------------------------
FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- runtime: production dependencies and the compiled app only --------------------
FROM node:20-alpine AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY app.yml ./
COPY templates ./templates
COPY .github/ISSUE_TEMPLATE ./.github/ISSUE_TEMPLATE
# The image's own `node` user: the app needs to write nothing.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# A larger young generation: fewer garbage collections under load (docs/operating.md).
CMD ["node", "--max-semi-space-size=32", "dist/src/server.js"]
