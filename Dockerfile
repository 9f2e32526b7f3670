# syntax=docker/dockerfile:1
# The chatbot image: gunicorn with gevent workers, as `make serve` runs it.
# Build: `make docker`. Run: see compose.yaml and docs/deploy.md.

ARG PYTHON_IMAGE=python:3.11-slim

# --- builder: a virtualenv with the pinned runtime requirements --------------------------
FROM ${PYTHON_IMAGE} AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
# Every requirement ships a manylinux wheel, so no compiler is needed even here.
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install --requirement /tmp/requirements.txt

# --- final: the venv and the code, nothing else --------------------------------------------
FROM ${PYTHON_IMAGE}

# The app's user owns only /data (also its HOME); the code and the venv stay root's, so
# the app cannot rewrite them.
RUN groupadd --system --gid 10001 chatbot \
    && useradd --system --uid 10001 --gid chatbot --home-dir /data --no-create-home \
       --shell /usr/sbin/nologin chatbot \
    && mkdir /data \
    && chown chatbot:chatbot /data \
    && chmod 0700 /data

ENV PATH="/opt/venv/bin:${PATH}" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/data \
    CHATBOT_DATA_DIR=/data

COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY wsgi.py gunicorn.conf.py ./
COPY chatbot/ ./chatbot/
COPY templates/ ./templates/
COPY static/ ./static/
# Compile once at build time: the app cannot write bytecode into its read-only code.
RUN python -m compileall -q /app

# The conversation store, file sessions and the generated SECRET_KEY live here when no
# Redis is configured. A fresh named volume copies this directory's owner and mode.
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8000

# Liveness only (/healthz has no dependencies); the standard library, so no curl is needed.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', timeout=4)"]

# A shell for ${PORT} (Cloud Run, Render and Fly set it); exec so gunicorn gets the signals.
# The heartbeat file goes to /dev/shm (a tmpfs) rather than a possibly read-only /tmp, and
# the control socket is off: it would land in $HOME=/data, which replicas may share.
CMD ["sh", "-c", "exec gunicorn --config gunicorn.conf.py --bind \"0.0.0.0:${PORT:-8000}\" --worker-tmp-dir /dev/shm --no-control-socket wsgi:app"]
