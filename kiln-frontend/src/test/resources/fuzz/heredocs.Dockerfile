FROM busybox
RUN <<EOF
set -e
echo "one" > /a
EOF
RUN <<-SCRIPT bash
	echo tab
	SCRIPT
RUN <<EOF
#!/bin/sh
echo shebang $HOME
EOF
COPY <<FILE1 <<FILE2 /etc/
hello $USER
FILE1
world
FILE2
ONBUILD RUN echo later
SHELL ["/bin/sh", "-ec"]
CMD echo done
