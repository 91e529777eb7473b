# ML Spine: one app replica. Build: docker build -t ml-spine .
# Run:   docker run -p 8501:8501 -e STREAMLIT_SERVER_COOKIE_SECRET=change-me ml-spine
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # Each session's script runs in a thread of its own; glibc gives threads up to 8 malloc
    # arenas per core, which a class's sessions fragment and rarely give back.
    MALLOC_ARENA_MAX=2 \
    # Every Streamlit option can be set as STREAMLIT_<SECTION>_<OPTION>; these are the defaults.
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_MAX_UPLOAD_SIZE=200 \
    STREAMLIT_SERVER_ENABLE_XSRF_PROTECTION=true \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    # The experiment log's SQLite file; mount a volume here to keep named workspaces.
    ML_SPINE_DB=/data/runs.sqlite \
    # serve.py writes this file once every page's results are warm (the health check waits).
    ML_SPINE_READY_FILE=/tmp/ml-spine-ready

RUN useradd --create-home --uid 10001 spine \
    && mkdir -p /data && chown spine:spine /data

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=spine:spine app.py serve.py ./
COPY --chown=spine:spine .streamlit ./.streamlit
COPY --chown=spine:spine components ./components
COPY --chown=spine:spine lessons ./lessons
COPY --chown=spine:spine pages ./pages

USER spine
VOLUME ["/data"]
EXPOSE 8501

# Healthy = serving and warm: the server answers at once (a learner can already open a page),
# and serve.py writes the ready file when every page's results are cached, about a minute
# after start on 2 cores. A load balancer can send the class once this passes.
HEALTHCHECK --interval=10s --timeout=5s --start-period=180s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"STREAMLIT_SERVER_PORT\"]}/_stcore/health', timeout=4); open(os.environ['ML_SPINE_READY_FILE'])"

CMD ["python", "serve.py"]
