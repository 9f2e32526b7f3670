"""Streaming latency under load: the app behind gunicorn+gevent against the fake model.

For 1, 50 and 200 concurrent visitors (arrivals spread evenly over about a second) it
measures, per visitor turn: the time to the first streamed token, the whole reply time,
and how much the app adds over the fake model's own time, plus errors. The model's own
time is measured directly, by the same load generator streaming the fake server: alone at
the same concurrency, and by probes (a tenth as many) during each app round. A visitor's
overhead is its time minus the probes' median in its round, so that the fake model slowing
down on a machine the app also loads is not counted against the app.

    .venv/bin/python bench/streaming.py            # what `make bench` runs
    .venv/bin/python bench/streaming.py --help

Everything runs on 127.0.0.1: the fake model server and gunicorn are subprocesses in their
own process groups, killed at the end (also on Ctrl-C or failure). The load generator is
this process: plain asyncio sockets with a tiny HTTP/1.1 client, so that its own CPU stays
small next to the app's (it reports what it used). Figures go to stdout and, between
markers, to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import functools
import json
import os
import platform
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
START_MARK = "<!-- bench/streaming.py: start -->"
END_MARK = "<!-- bench/streaming.py: end -->"
HOST = "127.0.0.1"
TOKEN_MARK = b'hx-swap="beforeend"'
MODEL_TOKEN_MARK = b'"delta": {"content": '
CLK_TCK = os.sysconf("SC_CLK_TCK")
VISITOR_TIMEOUT = 30.0  # seconds one visitor's turn may take before it counts as an error
RUN_DEADLINE = 240.0  # the whole benchmark is abandoned after this
QUIET_LOAD = 0.25  # other processes busier than this (share of one core) make figures noisy


class BenchError(Exception):
    """The benchmark could not run (a server did not start, the deadline passed)."""


# -- a minimal HTTP/1.1 client -------------------------------------------------------------


@dataclass
class Reply:
    """One HTTP response: status, lower-cased headers (cookies apart) and the body."""

    status: int
    headers: dict[str, str]
    cookies: list[str]
    body: bytes


class Connection:
    """One keep-alive connection to 127.0.0.1; cheap on CPU (no parsing beyond framing)."""

    def __init__(self, port: int):
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(Exception):
                await self.writer.wait_closed()
        self.reader = self.writer = None

    async def request(self, method: str, path: str, headers: dict[str, str],
                      body: bytes = b"", on_chunk: Callable[[bytes], None] | None = None) -> Reply:
        """Send one request and read the whole response, calling `on_chunk` as data comes."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        assert self.reader is not None
        lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{self.port}",
                 f"Content-Length: {len(body)}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        response_headers: dict[str, str] = {}
        cookies: list[str] = []
        for line in header_lines:
            if not line:
                continue
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                cookies.append(value)
            else:
                response_headers[name] = value
        if "chunked" in response_headers.get("transfer-encoding", ""):
            body_out = await self._read_chunked(on_chunk)
        elif "content-length" in response_headers:
            body_out = await self.reader.readexactly(int(response_headers["content-length"]))
            if on_chunk is not None:
                on_chunk(body_out)
        else:
            body_out = await self.reader.read()
            if on_chunk is not None:
                on_chunk(body_out)
        if response_headers.get("connection", "").lower() == "close":
            await self.close()
        return Reply(status, response_headers, cookies, body_out)

    async def _read_chunked(self, on_chunk: Callable[[bytes], None] | None) -> bytes:
        """Read a chunked body with one socket read per arrival, not one per chunk."""
        assert self.reader is not None
        buffer = bytearray()
        parts: list[bytes] = []
        while True:
            while True:  # take every complete chunk in the buffer
                end = buffer.find(b"\r\n")
                if end < 0:
                    break
                size = int(bytes(buffer[:end]).split(b";", 1)[0], 16)
                if size == 0:
                    if len(buffer) < end + 4:
                        break
                    return b"".join(parts)
                if len(buffer) < end + 2 + size + 2:
                    break
                data = bytes(buffer[end + 2:end + 2 + size])
                del buffer[:end + 4 + size]
                parts.append(data)
                if on_chunk is not None:
                    on_chunk(data)
            more = await self.reader.read(65536)
            if not more:
                raise ConnectionError("connection closed in the middle of the body")
            buffer += more


# -- one visitor ---------------------------------------------------------------------------


@dataclass
class Turn:
    """What one visitor's turn measured (seconds; None when it did not get that far)."""

    ttft: float | None = None
    total: float | None = None
    page: float | None = None  # GET /chat, app runs only
    tokens: int = 0
    error: str | None = None
    # App runs: the model's own times during the same round (median of the probes).
    model_ttft: float | None = None
    model_total: float | None = None


class TokenClock:
    """Notes when the first token arrives and counts the tokens."""

    def __init__(self, mark: bytes, started: float):
        self.mark = mark
        self.started = started
        self.first: float | None = None
        self.count = 0

    def __call__(self, data: bytes) -> None:
        found = data.count(self.mark)
        if found and self.first is None:
            self.first = time.perf_counter() - self.started
        self.count += found


_CSRF = re.compile(rb'name="csrf_token" value="([^"]+)"')


async def app_visitor(port: int, n: int, expected_tokens: int) -> Turn:
    """GET /chat for a session and CSRF token, then stream one answer from /chat/messages."""
    turn = Turn()
    connection = Connection(port)
    try:
        started = time.perf_counter()
        page = await connection.request("GET", "/chat", {"Accept": "text/html"})
        turn.page = time.perf_counter() - started
        token = _CSRF.search(page.body)
        cookie = next((c.split(";", 1)[0] for c in page.cookies
                       if c.startswith("chatbot_session=")), None)
        if page.status != 200 or token is None or cookie is None:
            turn.error = f"GET /chat: {page.status}, no session or token"
            return turn
        form = urllib.parse.urlencode({
            "message": f"Tell me about your work on topic {n}",
            "csrf_token": token.group(1).decode(), "page": "chat",
        }).encode()
        started = time.perf_counter()
        clock = TokenClock(TOKEN_MARK, started)
        reply = await connection.request("POST", "/chat/messages", {
            "Cookie": cookie, "HX-Request": "true", "Accept": "text/html, text/event-stream",
            "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin",
        }, form, clock)
        turn.total = time.perf_counter() - started
        turn.ttft, turn.tokens = clock.first, clock.count
        if reply.status != 200:
            turn.error = f"POST: HTTP {reply.status}"
        elif b"msg assistant reply" not in reply.body:
            turn.error = "no finished reply (fallback or cut)"
        elif clock.count == 0:  # tokens read together come as one piece
            turn.error = "no text streamed before the finished reply"
    except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
        turn.error = f"{type(error).__name__}: {error}"
    finally:
        await connection.close()
    return turn


async def model_visitor(port: int, body: bytes, expected_tokens: int) -> Turn:
    """Stream one completion straight from the fake model server."""
    turn = Turn()
    connection = Connection(port)
    try:
        started = time.perf_counter()
        clock = TokenClock(MODEL_TOKEN_MARK, started)
        reply = await connection.request("POST", "/v1/chat/completions", {
            "Content-Type": "application/json", "Authorization": "Bearer bench",
        }, body, clock)
        turn.total = time.perf_counter() - started
        turn.ttft, turn.tokens = clock.first, clock.count
        if reply.status != 200 or b"[DONE]" not in reply.body:
            turn.error = f"model: HTTP {reply.status}"
        elif clock.count != expected_tokens:
            turn.error = f"{clock.count} tokens, expected {expected_tokens}"
    except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
        turn.error = f"{type(error).__name__}: {error}"
    finally:
        await connection.close()
    return turn


Visit = Callable[[], Awaitable[Turn]]


async def bounded(visit: Visit, delay: float) -> Turn:
    """Start `visit` after `delay`; a turn longer than VISITOR_TIMEOUT is an error."""
    await asyncio.sleep(delay)
    try:
        return await asyncio.wait_for(visit(), VISITOR_TIMEOUT)
    except TimeoutError:
        return Turn(error=f"no answer within {VISITOR_TIMEOUT:.0f} s")


async def run_round(visits: Sequence[Visit], spread: float) -> list[Turn]:
    """Run the visitors, arrivals spaced evenly over `spread` seconds."""
    step = spread / len(visits) if len(visits) > 1 else 0.0
    return list(await asyncio.gather(*(bounded(v, i * step) for i, v in enumerate(visits))))


# -- processes -----------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process, from /proc."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def machine_busy_seconds() -> float:
    """CPU time every core of the machine spent busy since boot, from /proc/stat."""
    with open("/proc/stat") as handle:
        fields = [int(v) for v in handle.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / CLK_TCK


def wait_for_quiet(limit: float, sample: float = 1.0) -> float:
    """Wait up to `limit` s for a nearly idle machine; return the busy share of one core."""
    deadline = time.monotonic() + limit
    while True:
        before = machine_busy_seconds()
        time.sleep(sample)
        busy = (machine_busy_seconds() - before) / sample
        if busy <= QUIET_LOAD or time.monotonic() >= deadline:
            return busy
        print(f"bench: waiting for a quieter machine ({busy:.0%} of a core busy)",
              file=sys.stderr, flush=True)


def interrupt(signum: int, frame: object) -> None:
    """SIGTERM ends the run like Ctrl-C, so that the servers are still stopped."""
    raise KeyboardInterrupt


def children(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    return []


class Processes:
    """Subprocesses in their own process groups; `stop` ends each group it started."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen[bytes]] = []

    def start(self, args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        with open(log, "wb") as handle:
            process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=handle,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        self.started.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.started):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in reversed(self.started):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
            # Workers a dead master left behind are in the same group.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        self.started.clear()


def wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen[bytes],
             log: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"{what} exited with {process.returncode}:\n{log.read_text()[-2000:]}")
        if condition():
            return
        time.sleep(0.05)
    raise BenchError(f"{what} did not start within {timeout:.0f} s:\n{log.read_text()[-2000:]}")


def http_ok(port: int, path: str) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=1) as s:
            s.sendall(f"GET {path} HTTP/1.0\r\nHost: {HOST}\r\n\r\n".encode())
            return s.recv(64).startswith((b"HTTP/1.0 200", b"HTTP/1.1 200"))
    except OSError:
        return False


def port_in_log(log: Path, pattern: str) -> int | None:
    """The port a server said it listens on (both bind port 0: no race for a free port)."""
    match = re.search(pattern, log.read_text(errors="replace"))
    return int(match.group(1)) if match else None


def start_fake_model(processes: Processes, args: argparse.Namespace,
                     log: Path) -> tuple[int, int]:
    process = processes.start(
        [sys.executable, "tests/fake_openai.py", "--port", "0", "--delay", str(args.delay),
         "--tps", str(args.tps), "--reply-words", str(args.words)],
        dict(os.environ, PYTHONUNBUFFERED="1"), log)
    pattern = rf"fake OpenAI server on http://{re.escape(HOST)}:(\d+)/"
    wait_for(lambda: port_in_log(log, pattern) is not None, "fake model server", process, log)
    port = port_in_log(log, pattern)
    assert port is not None
    wait_for(lambda: http_ok(port, "/v1/models"), "fake model server", process, log)
    return process.pid, port


def app_command(args: argparse.Namespace, port: int) -> list[str]:
    """The gunicorn command the bench runs the app with."""
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    return [gunicorn, *shlex.split(args.gunicorn), "--bind", f"{HOST}:{port}", "wsgi:app"]


def start_app(processes: Processes, args: argparse.Namespace, model_port: int,
              data_dir: Path, log: Path) -> tuple[int, int]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CHATBOT_", "OPENAI_", "SESSION_", "RATELIMIT_"))}
    env.update(CHATBOT_ENGINE="openai", OPENAI_BASE_URL=f"http://{HOST}:{model_port}/v1",
               OPENAI_API_KEY="bench", CHATBOT_DATA_DIR=str(data_dir), SECRET_KEY="bench",
               # Budgets are checked and spent on every turn, but the day's 2M tokens last a
               # few thousand turns: a longer run would then measure fallbacks (one did).
               CHATBOT_DAILY_TOKEN_BUDGET="1000000000000",
               RATELIMIT_ENABLED="false", PYTHONUNBUFFERED="1")
    process = processes.start(app_command(args, 0), env, log)
    pattern = rf"Listening at: http://{re.escape(HOST)}:(\d+)"
    wait_for(lambda: port_in_log(log, pattern) is not None, "gunicorn", process, log)
    port = port_in_log(log, pattern)
    assert port is not None
    wait_for(lambda: http_ok(port, "/healthz"), "gunicorn", process, log)
    return process.pid, port


# -- measuring -----------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p99 of 50 values is the largest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


@dataclass
class Level:
    """Everything measured at one concurrency."""

    visitors: int
    app: list[Turn] = field(default_factory=list)
    model: list[Turn] = field(default_factory=list)  # the model alone
    probes: list[Turn] = field(default_factory=list)  # the model, during the app rounds
    app_cpu: float = 0.0  # gunicorn master + workers, seconds
    model_cpu: float = 0.0  # the fake server during the app rounds
    client_cpu: float = 0.0  # this process during the app rounds
    machine_cpu: float = 0.0  # every process on the machine during the app rounds
    wall: float = 0.0  # app rounds


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def pair(values: Sequence[float]) -> str:
    """p50 / p99 in milliseconds."""
    return f"{ms(percentile(values, 50))} / {ms(percentile(values, 99))}" if values else "-"


def summarise(level: Level) -> dict[str, str]:
    """One row of the tables, in milliseconds."""
    ok_app = [t for t in level.app if t.error is None]
    ok_model = [t for t in level.model if t.error is None]
    ok_probes = [t for t in level.probes if t.error is None]
    turns = len(level.app)
    others = level.machine_cpu - level.app_cpu - level.model_cpu - level.client_cpu
    return {
        "visitors": str(level.visitors), "turns": str(turns),
        "errors": str(turns - len(ok_app)),
        "model errors": str(len(level.model) + len(level.probes) - len(ok_model)
                            - len(ok_probes)),
        "model alone": pair([t.ttft for t in ok_model if t.ttft is not None]),
        "model during app run": pair([t.ttft for t in ok_probes if t.ttft is not None]),
        "app": pair([t.ttft for t in ok_app if t.ttft is not None]),
        # A visitor's overhead: its time minus the model's own time in the same round.
        "added by the app": pair([t.ttft - t.model_ttft for t in ok_app
                                  if t.ttft is not None and t.model_ttft is not None]),
        "model alone ": pair([t.total for t in ok_model if t.total is not None]),
        "model during app run ": pair([t.total for t in ok_probes if t.total is not None]),
        "app ": pair([t.total for t in ok_app if t.total is not None]),
        "added by the app ": pair([t.total - t.model_total for t in ok_app
                                   if t.total is not None and t.model_total is not None]),
        "GET /chat p50/p99": pair([t.page for t in ok_app if t.page is not None]),
        "app CPU/turn": f"{level.app_cpu / turns * 1000:.1f}",
        "app CPU %": f"{level.app_cpu / level.wall * 100:.0f}",
        "fake model CPU/turn": f"{level.model_cpu / turns * 1000:.1f}",
        "load generator CPU/turn": f"{level.client_cpu / turns * 1000:.1f}",
        "load generator CPU %": f"{level.client_cpu / level.wall * 100:.0f}",
        "other processes CPU %": f"{max(0.0, others) / level.wall * 100:.0f}",
    }


TTFT_COLUMNS = ["visitors", "turns", "model alone", "model during app run", "app",
                "added by the app", "errors"]
TOTAL_COLUMNS = ["visitors", "turns", "model alone ", "model during app run ", "app ",
                 "added by the app ", "errors"]
CPU_COLUMNS = ["visitors", "GET /chat p50/p99", "app CPU/turn", "app CPU %",
               "fake model CPU/turn", "load generator CPU/turn", "load generator CPU %",
               "other processes CPU %", "model errors"]


def table(rows: list[dict[str, str]], columns: list[str]) -> str:
    lines = ["| " + " | ".join(c.strip() for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(r.get(c, "-") for c in columns) + " |" for r in rows]
    return "\n".join(lines)


def first_errors(levels: list[Level]) -> Iterator[str]:
    for level in levels:
        seen: dict[str, int] = {}
        for turn in level.app + level.model:
            if turn.error:
                seen[turn.error] = seen.get(turn.error, 0) + 1
        for error, count in list(seen.items())[:5]:
            yield f"- {level.visitors} visitors: {count} x {error}"


# -- the run -------------------------------------------------------------------------------


def model_request_body() -> bytes:
    """A request shaped like the app's: the sample profile's system prompt and a question."""
    sys.path.insert(0, str(ROOT))
    from chatbot import SAMPLE_PROFILE
    from chatbot.engines.base import Turn as EngineTurn
    from chatbot.profile import load_profile
    from chatbot.prompts import chat_messages

    messages = chat_messages(load_profile(SAMPLE_PROFILE),
                             EngineTurn(question="Tell me about your work on topic 1"),
                             profile_budget=3000, history_budget=1500)
    return json.dumps({"model": "gpt-4.1-mini", "messages": messages, "max_tokens": 500,
                       "temperature": 0.3, "stream": True}).encode()


async def measure(args: argparse.Namespace, app_pids: Callable[[], list[int]], app_port: int,
                  model_pid: int, model_port: int) -> list[Level]:
    body = model_request_body()
    tokens = args.words
    counter = iter(range(1, 10**9))

    def app_visits(n: int) -> list[Visit]:
        return [functools.partial(app_visitor, app_port, next(counter), tokens)
                for _ in range(n)]

    def model_visits(n: int) -> list[Visit]:
        return [lambda: model_visitor(model_port, body, tokens) for _ in range(n)]

    # Warm up: every worker imports lazily, opens its store and its model connections.
    warm = await run_round(app_visits(args.warmup), 0.5)
    if any(t.error for t in warm):
        raise BenchError(f"warm-up failed: {next(t.error for t in warm if t.error)}")
    await run_round(model_visits(4), 0.1)

    levels = []
    for visitors in args.levels:
        level = Level(visitors)
        rounds = args.single_turns if visitors == 1 else args.rounds
        for _ in range(rounds):
            # Other processes (a test run, a browser) distort the figures: wait them out.
            await asyncio.to_thread(wait_for_quiet, args.quiet_wait / 3, 0.5)
            level.model += await run_round(model_visits(visitors), args.spread)
            pids = app_pids()
            cpu_before = sum(cpu_seconds(p) for p in pids)
            model_before = cpu_seconds(model_pid)
            client_before = time.process_time()
            machine_before = machine_busy_seconds()
            wall_before = time.perf_counter()
            # Probes stream the model directly during the app round: the model's own time
            # at that moment, on a machine the app is loading too.
            app_turns, probes = await asyncio.gather(
                run_round(app_visits(visitors), args.spread),
                run_round(model_visits(max(1, visitors // 10)), args.spread))
            level.wall += time.perf_counter() - wall_before
            level.machine_cpu += machine_busy_seconds() - machine_before
            level.client_cpu += time.process_time() - client_before
            level.model_cpu += cpu_seconds(model_pid) - model_before
            level.app_cpu += sum(cpu_seconds(p) for p in pids) - cpu_before
            ttfts = [t.ttft for t in probes if t.error is None and t.ttft is not None]
            totals = [t.total for t in probes if t.error is None and t.total is not None]
            for turn in app_turns:
                if ttfts and totals:
                    turn.model_ttft = statistics.median(ttfts)
                    turn.model_total = statistics.median(totals)
                elif turn.error is None:
                    turn.error = "no probe of the model succeeded in this round"
            level.app += app_turns
            level.probes += probes
            await asyncio.sleep(0.3)  # let the workers finish their after-stream work
        levels.append(level)
        print(f"  {visitors} visitors: {len(level.app)} turns done", file=sys.stderr, flush=True)
    return levels


def machine() -> list[str]:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
    wanted = ("Model name", "CPU(s):", "Thread(s) per core", "Hypervisor vendor")
    facts = [line.split(":", 1) for line in lscpu if line.startswith(wanted)]
    return ([f"nproc: {os.cpu_count()}"] + [f"{k.strip()}: {v.strip()}" for k, v in facts]
            + [f"Python {platform.python_version()}, {platform.system()} {platform.release()}"])


def report(args: argparse.Namespace, levels: list[Level], command: str) -> str:
    rows = [summarise(level) for level in levels]
    nominal_total = args.delay + (args.words - 1) / args.tps
    errors = list(first_errors(levels))
    lines = [
        f"Run {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} with `{command}`.",
        "",
        f"Fake model: first token after {args.delay * 1000:.0f} ms, then {args.words} tokens "
        f"at {args.tps:g} per second (about {nominal_total * 1000:.0f} ms a reply). "
        f"Arrivals spread evenly over {args.spread:g} s; 1 visitor: {args.single_turns} turns "
        f"one after another; otherwise {args.rounds} rounds per level. App: "
        f"`gunicorn {args.gunicorn} wsgi:app` (which also reads ./gunicorn.conf.py).",
        "",
        "Milliseconds, p50 / p99. *Model during app run*: probes (a tenth as many as the "
        "visitors) streaming the fake model directly during the app rounds. *Added by the "
        "app*: each visitor's time minus the probes' median in the same round.",
        "",
        "Time to the first streamed token:",
        "",
        table(rows, TTFT_COLUMNS),
        "",
        "Whole reply:",
        "",
        table(rows, TOTAL_COLUMNS),
        "",
        "CPU, in milliseconds per turn (a turn = `GET /chat` + the streamed "
        "`POST /chat/messages`) and in % of one core during the app rounds:",
        "",
        table(rows, CPU_COLUMNS),
        "",
        "Machine: " + "; ".join(machine()) + ".",
    ]
    if errors:
        lines += ["", "Errors:", *errors]
    return "\n".join(lines)


def write_doc(text: str) -> None:
    """Replace this benchmark's section of docs/benchmarks.md (or add it)."""
    section = f"{START_MARK}\n{text}\n{END_MARK}"
    old = DOC.read_text() if DOC.exists() else "# Benchmarks\n"
    if START_MARK in old and END_MARK in old:
        head, rest = old.split(START_MARK, 1)
        new = head + section + rest.split(END_MARK, 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n## Streaming under load\n\n" + section + "\n"
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(new)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--levels", default="1,50,200",
                        help="concurrent visitors per level, comma-separated (default 1,50,200)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per level above 1")
    parser.add_argument("--single-turns", type=int, default=8,
                        help="turns one after another at level 1")
    parser.add_argument("--spread", type=float, default=1.0, help="seconds arrivals spread over")
    parser.add_argument("--warmup", type=int, default=20, help="visitors in the warm-up round")
    parser.add_argument("--delay", type=float, default=0.5, help="fake model: first-token delay")
    parser.add_argument("--tps", type=float, default=40.0, help="fake model: tokens per second")
    parser.add_argument("--words", type=int, default=60, help="fake model: tokens per reply")
    # As `make serve` runs it; gunicorn also reads ./gunicorn.conf.py (the cwd is the repo).
    parser.add_argument("--gunicorn", default="--worker-class gevent --workers 2",
                        help="gunicorn options (default: as `make serve`)")
    parser.add_argument("--quiet-wait", type=float, default=30.0,
                        help="seconds to wait for other processes to quieten first")
    parser.add_argument("--no-write", action="store_true", help="do not update the docs page")
    args = parser.parse_args(argv)
    args.levels = [int(v) for v in args.levels.split(",")]
    if args.tps <= 0 or args.words < 1 or min(args.levels) < 1 or max(args.levels) > 1000:
        parser.error("need --tps > 0, --words >= 1 and levels between 1 and 1000")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "make bench" if argv is None and len(sys.argv) == 1 else shlex.join(
        [".venv/bin/python", "bench/streaming.py", *(argv if argv is not None else sys.argv[1:])])
    processes = Processes()
    signal.signal(signal.SIGTERM, interrupt)
    idle_load = wait_for_quiet(args.quiet_wait)
    if idle_load > QUIET_LOAD:
        print(f"bench: other processes keep {idle_load:.0%} of a core busy; figures will be "
              "noisy", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="chatbot-bench-") as temp:
        data_dir, logs = Path(temp) / "data", Path(temp)
        try:
            model_pid, model_port = start_fake_model(processes, args, logs / "fake_model.log")
            master, app_port = start_app(processes, args, model_port, data_dir, logs / "app.log")
            print(f"app: {shlex.join(app_command(args, app_port))} (pid {master}); "
                  f"fake model on port {model_port}", file=sys.stderr, flush=True)

            def app_pids() -> list[int]:
                return [master, *children(master)]

            levels = asyncio.run(asyncio.wait_for(
                measure(args, app_pids, app_port, model_pid, model_port), RUN_DEADLINE))
        except TimeoutError:
            print(f"bench: abandoned after {RUN_DEADLINE:.0f} s", file=sys.stderr)
            return 1
        except BenchError as error:
            print(f"bench: {error}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("bench: interrupted", file=sys.stderr)
            return 130
        finally:
            processes.stop()
    text = report(args, levels, command)
    print(text)
    if not args.no_write:
        write_doc(text)
        print(f"\nwritten to {DOC.relative_to(ROOT)}", file=sys.stderr)
    failed = any(t.error for level in levels for t in level.app)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
