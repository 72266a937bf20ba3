# syntax=docker/dockerfile:1
# DL Practice Lab: the classroom server image (deploy/README.md).
# tests/e2e/test_image.py runs this file's pip install, CMD and HEALTHCHECK in a fresh virtual
# environment on a copy of the build context, so keep them plain commands.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_SERVER_PORT=8501 \
    OPENBLAS_NUM_THREADS=1

WORKDIR /app

# Pinned runtime requirements only (no build tools, nothing fetched at run time).
COPY requirements.txt ./
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt

RUN groupadd --gid 10001 app \
    && useradd --create-home --uid 10001 --gid 10001 --shell /usr/sbin/nologin app

# The code stays owned by root: the app user can read it, not change it.
COPY . .

USER 10001:10001
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; u.urlopen('http://127.0.0.1:' + os.environ.get('STREAMLIT_SERVER_PORT', '8501') + '/_stcore/health', timeout=4)"]
CMD ["sh", "deploy/start.sh"]
