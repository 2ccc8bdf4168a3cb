# escape=`
FROM busybox
RUN echo a `
    b
ENV A="x y" B=z` w
COPY ["a b", "c d/"]
RUN --mount=from=busybox,source=/bin,target=/b ls /b
FROM busybox AS other
ARG X=${A:-default} Y
RUN echo ${X:+set} ${Y?}
