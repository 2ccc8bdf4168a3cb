ARG TAG=latest
FROM busybox:${TAG} AS s0
ONBUILD ARG LEVEL
ONBUILD RUN echo level $LEVEL
FROM s0 AS s1
ARG LEVEL=1
FROM s1 AS s2
USER nobody
WORKDIR /work
COPY --from=s0 /etc/passwd ./
FROM s2
COPY --from=1 /work /work
RUN --mount=type=bind,from=s1,target=/s1 cat /s1/etc/passwd
