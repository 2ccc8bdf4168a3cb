FROM alpine AS base
LABEL org.opencontainers.image.title="x" version=1
ENV PATH=/opt/bin:$PATH
ENV HOME /root
ARG SECRET_TOKEN
MAINTAINER someone
VOLUME ["/data", "/logs"]
STOPSIGNAL SIGTERM
ADD --chown=app archive.tar.gz /opt/
ADD --exclude=*.md docs/ /docs/
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc \
    --mount=type=ssh,required \
    --mount=type=tmpfs,target=/tmp,size=64m \
    --network=none --security=sandbox npm ci
FROM base AS test
RUN ["sh", "-c", "echo $HOME"]
COPY --from=0 /etc/hostname /h
FROM base
ONBUILD COPY . /app
WORKDIR app
EXPOSE 80 443 8000-8010
