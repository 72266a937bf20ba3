#!/bin/sh
# Start one app server: the Docker image's CMD (also run by tests/e2e/test_image.py).
# Port and the rest come from STREAMLIT_* variables (Dockerfile ENV) and .streamlit/config.toml.
# In the background, deploy/warmup.py runs every page once as soon as the server is healthy, so
# the first deep link a student opens works and is fast (see warmup.py).
set -eu
cd "$(dirname "$0")/.."
python deploy/warmup.py --pages all >&2 &
exec streamlit run app.py "$@"
