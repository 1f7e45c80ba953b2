# syntax=docker/dockerfile:1
#
# planpress in a container, for teams that build and publish their site on a CI server.
#
#   docker build -t planpress .                          the program alone (the default)
#   docker build -t planpress-pdf --target pdf .         with Chromium, for planpress pdf
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/site" planpress build
#
# The images work in /site and run `planpress build` unless given another command. Pass
# --build-arg VERSION=v1.2.3 --build-arg COMMIT=$(git rev-parse HEAD) to name the build, as
# `planpress version` prints it. See docs/publishing.md.

ARG GO_VERSION=1.26
ARG NODE_VERSION=20

# The npm packages the chart library is bundled from, exactly as package-lock.json has them.
FROM node:${NODE_VERSION}-bookworm-slim AS npm
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# planpress with the chart library inside, built as make dist builds it.
FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=npm /src/node_modules ./node_modules
ARG VERSION=devel
ARG COMMIT=unknown
RUN go run ./internal/assets/bundle -out internal/assets/echarts/echarts.min.js \
 && CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags "-s -w -buildid= -X github.com/planpress/planpress/internal/cli.Version=${VERSION} -X github.com/planpress/planpress/internal/cli.Commit=${COMMIT}" \
      -o /out/planpress ./cmd/planpress \
 && /out/planpress version

# With Chromium and its fonts, for planpress pdf.
FROM debian:bookworm-slim AS pdf
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/planpress /usr/local/bin/planpress
# planpress pdf prints with the browser PLANPRESS_CHROME names; Chromium keeps its caches
# under HOME, which the unprivileged user has none of.
ENV PLANPRESS_CHROME=/usr/bin/chromium HOME=/tmp
USER 65532:65532
WORKDIR /site
ENTRYPOINT ["/usr/local/bin/planpress"]
CMD ["build"]

# The default image: the program alone, on a base with no shell and no package manager.
FROM gcr.io/distroless/static-debian12:nonroot AS planpress
COPY --from=build /out/planpress /usr/local/bin/planpress
WORKDIR /site
ENTRYPOINT ["/usr/local/bin/planpress"]
CMD ["build"]
