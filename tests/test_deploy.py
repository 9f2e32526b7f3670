"""The shipping files: Dockerfile, compose.yaml, the Caddyfile and the CI workflow.

There is no container runtime on these machines, so the image is checked by parsing its
Dockerfile and by running its start command and health check the way the image would:
as a user who cannot write the code, with the data directory the only writable place.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import runpy
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent  # the linters come as wheels in the test venv
# The PATH of the python base image, before the Dockerfile prepends the venv.
BASE_PATH = "/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin"


# --- a small Dockerfile reader ------------------------------------------------------------

@dataclass
class Stage:
    """One FROM ... stage: its base image, name and instructions in order."""

    image: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def all(self, keyword: str) -> list[str]:
        return [args for key, args in self.instructions if key == keyword]

    def last(self, keyword: str) -> str | None:
        found = self.all(keyword)
        return found[-1] if found else None


def dockerfile_instructions(text: str) -> list[tuple[str, str]]:
    """(KEYWORD, arguments) pairs, continuation lines joined and comments dropped."""
    instructions: list[tuple[str, str]] = []
    current = ""
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        current += line
        if current.endswith("\\"):
            current = current[:-1] + " "
            continue
        if current.strip():
            keyword, _, args = current.strip().partition(" ")
            instructions.append((keyword.upper(), args.strip()))
        current = ""
    return instructions


def dockerfile_stages(text: str) -> list[Stage]:
    """The stages of a Dockerfile, with global ARG defaults substituted into FROM."""
    args: dict[str, str] = {}
    stages: list[Stage] = []
    for keyword, rest in dockerfile_instructions(text):
        if keyword == "ARG" and not stages:
            name, _, default = rest.partition("=")
            args[name] = default
        elif keyword == "FROM":
            words = rest.split()
            image = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m.group(1), ""), words[0])
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else None
            stages.append(Stage(image, name))
        else:
            stages[-1].instructions.append((keyword, rest))
    return stages


def exec_form(args: str) -> list[str]:
    """The JSON array of a CMD (or HEALTHCHECK CMD) in exec form."""
    command = json.loads(args)
    assert isinstance(command, list), f"not exec form: {args}"
    return command


def healthcheck_command(stage: Stage) -> list[str]:
    """The HEALTHCHECK's command, its options (--interval=...) left out."""
    spec = stage.last("HEALTHCHECK")
    assert spec is not None, "the final stage has no HEALTHCHECK"
    _, _, command = spec.partition("CMD ")
    return exec_form(command.strip())


@pytest.fixture(scope="module")
def final_stage() -> Stage:
    """The stage the image is made of."""
    return dockerfile_stages((ROOT / "Dockerfile").read_text())[-1]


# --- the linters --------------------------------------------------------------------------

@pytest.mark.parametrize("tool, target", [
    ("hadolint", "Dockerfile"),
    ("actionlint", ".github/workflows/ci.yml"),
])
def test_linters_are_clean(tool: str, target: str) -> None:
    binary = VENV_BIN / tool
    if not binary.exists():
        pytest.fail(f"{binary} is missing: pip install -r requirements-dev.txt")
    result = subprocess.run([str(binary), target], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


# --- compose and Caddy --------------------------------------------------------------------

@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    """compose.yaml, parsed."""
    return yaml.safe_load((ROOT / "compose.yaml").read_text())  # type: ignore[no-any-return]


def caddyfile_text(compose: dict[str, Any]) -> str:
    """The Caddyfile that the caddy service mounts, comments removed."""
    mounts = [v.split(":") for v in compose["services"]["caddy"]["volumes"]]
    source = next(src for src, dest, *_ in mounts if dest == "/etc/caddy/Caddyfile")
    text = (ROOT / source).read_text()
    return "\n".join(line.split("#", 1)[0].rstrip() for line in text.splitlines())


def seconds(duration: str) -> float:
    """A compose duration such as `35s` or `1m30s`, in seconds."""
    units = {"h": 3600, "m": 60, "s": 1}
    parts = re.findall(r"(\d+(?:\.\d+)?)([hms])", duration)
    assert parts, duration
    return sum(float(n) * units[u] for n, u in parts)


def test_two_app_replicas_share_redis_behind_one_proxy(compose: dict[str, Any]) -> None:
    app = compose["services"]["app"]
    assert app["deploy"]["replicas"] == 2
    env = app["environment"]
    assert env["REDIS_URL"] == "redis://redis:6379/0"
    # Caddy is the one proxy in front: ProxyFix then trusts exactly the address it adds.
    assert str(env["CHATBOT_PROXY_COUNT"]) == "1"
    assert str(env["SESSION_COOKIE_SECURE"]).lower() == "true"
    assert app["depends_on"]["redis"]["condition"] == "service_healthy"
    # Visitors reach the app only through Caddy, and secrets come from an ignored file.
    assert "ports" not in app
    assert app["env_file"] == ".env"
    assert ".env" in (ROOT / ".gitignore").read_text().split()
    assert "/data" in [v.split(":")[1] for v in app["volumes"]]


def test_stopping_an_app_leaves_gunicorn_time_to_finish_streams(
    compose: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Running the config sets PROMETHEUS_MULTIPROC_DIR in this process: undo it afterwards.
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", "/nonexistent-set-by-test")
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    graceful = config.get("graceful_timeout", 30)  # gunicorn's default
    assert seconds(compose["services"]["app"]["stop_grace_period"]) > graceful


def test_redis_persists_to_a_volume_and_has_a_healthcheck(compose: dict[str, Any]) -> None:
    redis = compose["services"]["redis"]
    assert redis["image"].startswith("redis:7")
    command = " ".join(redis["command"])
    assert "--appendonly yes" in command
    volume, _, mount = redis["volumes"][0].partition(":")
    assert mount == "/data" and volume in compose["volumes"]
    assert "redis-cli" in redis["healthcheck"]["test"]


def test_caddy_is_in_front_with_https_for_the_domain(compose: dict[str, Any]) -> None:
    caddy = compose["services"]["caddy"]
    assert caddy["image"].startswith("caddy:")
    assert {"80:80", "443:443"} <= set(caddy["ports"])
    assert "DOMAIN" in caddy["environment"]
    assert "caddy-data:/data" in caddy["volumes"]  # certificates survive a restart
    # The site address is the owner's domain: Caddy gets its certificate by itself.
    assert re.search(r"^\{\$DOMAIN\}\s*\{", caddyfile_text(compose), re.M)


def test_caddy_balances_over_the_replicas_without_buffering(
    compose: dict[str, Any], final_stage: Stage,
) -> None:
    text = caddyfile_text(compose)
    assert re.search(r"^\s*flush_interval\s+-1\s*$", text, re.M)
    # Each replica is its own upstream, found in Docker's DNS under the service's name.
    upstream = re.search(r"^\s*dynamic\s+a\s+(\S+)\s+(\d+)", text, re.M)
    assert upstream, "reverse_proxy has no `dynamic a <service> <port>` upstream"
    service, port = upstream.groups()
    assert service == "app" and service in compose["services"]
    assert port == final_stage.last("EXPOSE")
    assert re.search(r"^\s*lb_policy\s+\S+", text, re.M)


def test_caddy_itself_reads_the_caddyfile(compose: dict[str, Any]) -> None:
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("no caddy binary (Debian's caddy package)")
    mount = next(v for v in compose["services"]["caddy"]["volumes"] if "Caddyfile" in v)
    result = subprocess.run(
        [caddy, "adapt", "--adapter", "caddyfile", "--config", mount.split(":")[0]],
        cwd=ROOT, capture_output=True, text=True, timeout=30,
        env={**os.environ, "DOMAIN": "chat.example.test"},
    )
    assert result.returncode == 0, result.stderr
    server = json.loads(result.stdout)["apps"]["http"]["servers"]["srv0"]
    assert ":443" in server["listen"]
    route = server["routes"][0]
    assert route["match"] == [{"host": ["chat.example.test"]}]
    proxy = route["handle"][0]["routes"][0]["handle"][0]
    assert proxy["handler"] == "reverse_proxy"
    assert proxy["flush_interval"] == -1
    assert proxy["dynamic_upstreams"] == {"source": "a", "name": "app", "port": "8000",
                                          "refresh": 5_000_000_000}


# --- the Dockerfile -----------------------------------------------------------------------

def test_the_image_is_multi_stage_on_slim_python() -> None:
    stages = dockerfile_stages((ROOT / "Dockerfile").read_text())
    assert len(stages) >= 2
    final = stages[-1]
    assert re.fullmatch(r"python:3\.11-slim(-\w+)?", final.image)
    # The final stage takes only the builder's venv, not its tools.
    from_builder = [c for c in final.all("COPY") if c.startswith("--from=")]
    assert from_builder == ["--from=builder /opt/venv /opt/venv"]


def test_the_final_stage_runs_as_a_user_other_than_root(final_stage: Stage) -> None:
    user = final_stage.last("USER")
    assert user is not None, "no USER: the container would run as root"
    assert user.split(":")[0] not in {"root", "0"}


def test_the_code_is_roots_and_the_data_a_volume(final_stage: Stage) -> None:
    # Files copied without --chown belong to root: the app user reads but cannot rewrite.
    assert not [c for c in final_stage.all("COPY") if "--chown" in c]
    assert final_stage.last("WORKDIR") == "/app"
    assert "/data" in final_stage.last("VOLUME")  # type: ignore[operator]


def test_the_final_stage_installs_no_build_tools(final_stage: Stage) -> None:
    tools = re.compile(r"\b(build-essential|gcc|g\+\+|clang|make|cc|[\w.+-]+-dev)\b")
    for command in final_stage.all("RUN"):
        if re.search(r"\b(apt-get|apt|apk|yum|dnf)\b.*\b(install|add)\b", command):
            assert not tools.search(command), command


def test_there_is_a_healthcheck_on_healthz_with_no_curl(final_stage: Stage) -> None:
    command = healthcheck_command(final_stage)
    assert command[0] == "python" and "/healthz" in " ".join(command)


def test_the_environment_and_command_suit_containers(final_stage: Stage) -> None:
    env = image_environment(final_stage, {})
    assert env["PYTHONDONTWRITEBYTECODE"] == "1" and env["PYTHONUNBUFFERED"] == "1"
    assert env["CHATBOT_DATA_DIR"] == "/data"
    command = exec_form(final_stage.last("CMD"))  # type: ignore[arg-type]
    script = command[-1]
    assert command[:2] == ["sh", "-c"] and script.startswith("exec gunicorn ")
    assert "--config gunicorn.conf.py" in script
    assert '--bind "0.0.0.0:${PORT:-8000}"' in script  # Cloud Run and friends set PORT


def test_the_build_context_holds_what_the_image_copies_and_no_secrets() -> None:
    rules = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    # An allow-list: everything is left out (.env, .venv, the data) unless named.
    assert rules[0] == "*"
    allowed = {rule[1:].rstrip("/") for rule in rules if rule.startswith("!")}
    assert not [name for name in allowed if ".env" in name]
    for stage in dockerfile_stages((ROOT / "Dockerfile").read_text()):
        for spec in stage.all("COPY"):
            if not spec.startswith("--from="):
                *sources, _ = spec.split()
                assert {s.rstrip("/") for s in sources} <= allowed, spec


# --- the image's command, run the way the image would -------------------------------------

def image_environment(stage: Stage, paths: dict[str, str]) -> dict[str, str]:
    """The ENV of `stage` over the base image's, with container paths moved by `paths`."""
    env = {"PATH": BASE_PATH, "LANG": "C.UTF-8"}
    for spec in stage.all("ENV"):
        for pair in shlex.split(spec):
            name, _, value = pair.partition("=")
            value = re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m.group(1), ""), value)
            env[name] = move_paths(value, paths)
    return env


def move_paths(value: str, paths: dict[str, str]) -> str:
    """Replace container paths (whole path components only) by their stand-ins."""
    for inside, outside in paths.items():
        value = re.sub(rf"(?<![\w/.]){re.escape(inside)}(?=/|:|$)", outside, value)
    return value


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def as_image_user() -> list[str]:
    """The prefix that drops root to `nobody`, as the image's USER line does."""
    if os.geteuid() != 0:
        return []  # already unprivileged
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot drop privileges")
    prefix = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    if not reachable_by_anyone(Path(sys.executable).resolve()):
        # The test venv's Python is out of `nobody`'s reach (pyenv under /root): let it
        # read and search everywhere, which grants no write anywhere.
        prefix += ["--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"]
    return prefix


def reachable_by_anyone(path: Path) -> bool:
    """True when any user may execute `path` (every parent directory searchable)."""
    if not path.is_file() or not path.stat().st_mode & 0o001:
        return False
    return all(parent.stat().st_mode & 0o001 for parent in path.parents)


@pytest.fixture
def image_root(final_stage: Stage) -> Iterator[Path]:
    """A stand-in for the image's filesystem: /app read-only, /data the user's own."""
    root = Path(tempfile.mkdtemp(prefix="chatbot-image-"))
    root.chmod(0o755)  # mkdtemp's 0700 would shut `nobody` out
    app, data = root / "app", root / "data"
    app.mkdir()
    for spec in final_stage.all("COPY"):
        if spec.startswith("--from="):
            continue  # the builder's venv: the test's own stands in for it
        *sources, _ = spec.split()
        for source in sources:
            src = ROOT / source.rstrip("/")
            if src.is_dir():
                shutil.copytree(src, app / src.name,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(src, app / src.name)
    subprocess.run(["chmod", "-R", "a-w", str(app)], check=True)
    data.mkdir(mode=0o700)
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(data, nobody.pw_uid, nobody.pw_gid)
    yield root
    subprocess.run(["chmod", "-R", "u+w", str(root)], check=True)
    shutil.rmtree(root)


def run_healthcheck(command: list[str], env: dict[str, str], cwd: Path) -> int:
    return subprocess.run(as_image_user() + command, env=env, cwd=cwd, timeout=15,
                          capture_output=True).returncode


@pytest.mark.slow
def test_the_image_command_serves_and_passes_its_healthcheck(
    final_stage: Stage, image_root: Path,
) -> None:
    app_dir, data_dir = image_root / "app", image_root / "data"
    paths = {"/opt/venv": str(VENV_BIN.parent), "/app": str(app_dir), "/data": str(data_dir)}
    env = image_environment(final_stage, paths)
    env["PORT"] = str(free_port())
    cwd = Path(move_paths(final_stage.last("WORKDIR") or "/", paths))
    command = exec_form(final_stage.last("CMD"))  # type: ignore[arg-type]
    check = healthcheck_command(final_stage)
    code_before = sorted(p.relative_to(app_dir) for p in app_dir.rglob("*"))

    log = (image_root / "gunicorn.log").open("w")
    server = subprocess.Popen(as_image_user() + command, env=env, cwd=cwd, stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)
    try:
        # Docker runs the check until it passes (the start period); so does this, briefly.
        deadline = time.monotonic() + 25
        while (status := run_healthcheck(check, env, cwd)) != 0:
            assert server.poll() is None, (image_root / "gunicorn.log").read_text()
            assert time.monotonic() < deadline, (image_root / "gunicorn.log").read_text()
            time.sleep(0.5)
        assert status == 0
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)  # its own session: only what it started
            server.wait()
        log.close()

    output = (image_root / "gunicorn.log").read_text()
    assert "Traceback" not in output, output
    # It wrote where it may (the generated key), and nothing in the code.
    assert (data_dir / "secret_key").exists()
    assert sorted(p.relative_to(app_dir) for p in app_dir.rglob("*")) == code_before
    # With the server gone, the same check fails: it is not a check that always passes.
    assert run_healthcheck(check, env, cwd) != 0
