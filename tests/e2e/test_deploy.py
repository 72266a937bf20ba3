"""The deployment manifests say what the proxy test and the image test rely on (text checks; the
proxy itself is exercised for real in test_nginx.py, the image's commands in test_image.py)."""

from __future__ import annotations

import re

from tests.e2e import kit

DEPLOY = kit.ROOT / "deploy"


def test_compose_runs_replicas_behind_the_tested_nginx_config():
    text = (DEPLOY / "docker-compose.yml").read_text()
    assert re.search(r"replicas:\s*\$\{APP_REPLICAS:-([2-9]|\d\d+)\}", text), "several replicas by default"
    assert "./nginx.conf:/etc/nginx/conf.d/default.conf:ro" in text
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in text, "replicas share one cookie secret"
    assert "condition: service_healthy" in text
    assert "dockerfile: Dockerfile" in text and "context: .." in text


def test_kubernetes_probes_affinity_and_websockets():
    text = (DEPLOY / "k8s.yaml").read_text()
    for kind in ("Deployment", "Service", "Ingress"):
        assert re.search(rf"^kind: {kind}$", text, re.M), kind
    for probe in ("readinessProbe", "livenessProbe"):
        assert re.search(rf"{probe}:\n\s+httpGet: {{path: /_stcore/health, port: http}}", text), probe
    assert "containerPort: 8501" in text and "runAsNonRoot: true" in text
    annotations = dict(re.findall(r"nginx\.ingress\.kubernetes\.io/([\w-]+): \"([^\"]+)\"", text))
    assert annotations["affinity"] == "cookie" and annotations["session-cookie-name"] == "dlp_route"
    assert int(annotations["proxy-read-timeout"]) >= 3600 and int(annotations["proxy-send-timeout"]) >= 3600
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in text


def test_start_script_is_the_image_command_and_warms_up():
    text = (DEPLOY / "start.sh").read_text()
    assert "exec streamlit run app.py" in text
    assert "python deploy/warmup.py" in text and text.index("warmup.py") < text.index("exec streamlit")
