# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended
ARG BASE=busybox
ARG VERSION=1.0
FROM --platform=$BUILDPLATFORM ${BASE}:latest AS build
ARG TARGETARCH
ARG VERSION
ENV GOOS=linux GOARCH=$TARGETARCH
WORKDIR /src
COPY --chown=1000:1000 --chmod=0644 go.mod go.sum ./
RUN --mount=type=cache,target=/root/.cache,sharing=locked \
    --mount=type=bind,source=.,target=/src,rw \
    go build -ldflags "-X main.v=${VERSION}" -o /out/app .
FROM scratch AS final
COPY --from=build /out/app /app
EXPOSE 8080/tcp 53/udp
USER 1000:1000
HEALTHCHECK --interval=30s --timeout=3s CMD ["/app", "health"]
ENTRYPOINT ["/app"]
CMD ["serve"]
