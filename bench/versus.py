"""The app beside a reference of the original design, in one run, on the same load and model.

    .venv/bin/python bench/versus.py            # what `make bench` runs
    .venv/bin/python bench/versus.py --help

The reference (`bench/reference_app.py`) is FastAPI + a dict under uvicorn. Both get two
worker processes (one per core). Each server is a subprocess group on 127.0.0.1, stopped at
the end. Rounds alternate between the servers (A B, then B A) so that a noisy neighbour hits
both alike. Measured (see docs/benchmarks.md for the definitions):

- p99 added at 50 and 200 visitors: a visitor's whole turn (`POST /chat/messages`, half of
  them streamed as htmx's SSE extension asks, half as a plain htmx partial) minus the fake
  model's own time, from probes streaming it directly during the same round;
- server CPU per turn (`GET /chat` + the POST), every process of the server, from /proc;
- zero-latency throughput: the model answers at once; visitors loop for a fixed time;
- 500 streaming visitors at once: errors, time to first byte, and memory per open stream
  (RSS of every server process, at the moment most streams were open, minus before).

More servers can be measured beside these with `--variant NAME=COMMAND` (COMMAND may start
with `K=V` environment settings; `{port}` is replaced), to compare alternatives in one run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import functools
import json
import os
import re
import shlex
import signal
import socket
import statistics
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from streaming import (  # noqa: E402  (the sibling benchmark's client and process tools)
    HOST,
    MODEL_TOKEN_MARK,
    ROOT,
    TOKEN_MARK,
    BenchError,
    Connection,
    Processes,
    TokenClock,
    cpu_seconds,
    http_ok,
    machine,
    machine_busy_seconds,
    model_request_body,
    percentile,
    wait_for_quiet,
)

DOC = ROOT / "docs" / "benchmarks.md"
README = ROOT / "README.md"
START_MARK = "<!-- bench/versus.py: start -->"
END_MARK = "<!-- bench/versus.py: end -->"
VISITOR_TIMEOUT = 30.0
RUN_DEADLINE = 600.0
BIN = Path(sys.executable).parent

APP_COMMAND = f"{BIN}/gunicorn --bind {HOST}:{{port}} wsgi:app"
REFERENCE_COMMAND = (f"{BIN}/uvicorn --workers 2 --host {HOST} --port {{port}} "
                     "--no-access-log --app-dir bench reference_app:app")
# The same design on the product's own stack (Flask, gunicorn's gevent worker, the openai
# SDK with the app's transport): the floor under the app's CPU per turn.
FLASK_REFERENCE_COMMAND = (f"{BIN}/gunicorn --chdir bench --worker-class gevent --workers 2 "
                           f"--bind {HOST}:{{port}} reference_flask:app")


# -- servers -------------------------------------------------------------------------------


@dataclass
class Server:
    """One server under test: how to start it and what it measured."""

    name: str
    command: str  # may start with K=V settings; {port} is the port to listen on
    csrf: bool = True  # the app's pages carry a CSRF token and a session cookie
    port: int = 0
    pid: int = 0
    levels: dict[int, Level] = field(default_factory=dict)
    throughput: Throughput | None = None
    burst: Burst | None = None

    def pids(self) -> list[int]:
        return [self.pid, *descendants(self.pid)]


def descendants(pid: int) -> list[int]:
    found = []
    with contextlib.suppress(OSError):
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            for child in (int(p) for p in handle.read().split()):
                found += [child, *descendants(child)]
    return found


def rss_bytes(pids: Sequence[int]) -> int:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(processes: Processes, server: Server, env: dict[str, str], log: Path) -> None:
    server.port = free_port()
    words = shlex.split(server.command.format(port=server.port))
    settings = dict(env)
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
        key, _, value = words.pop(0).partition("=")
        settings[key] = value
    process = processes.start(words, settings, log)
    server.pid = process.pid
    deadline = time.monotonic() + 30
    while not http_ok(server.port, "/healthz"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise BenchError(f"{server.name} did not start:\n{log.read_text()[-2000:]}")
        time.sleep(0.1)


def start_model(processes: Processes, delay: float, tps: float, words: int,
                log: Path) -> tuple[int, int]:
    port = free_port()
    process = processes.start(
        [sys.executable, "tests/fake_openai.py", "--port", str(port), "--delay", str(delay),
         "--tps", str(tps), "--reply-words", str(words)],
        dict(os.environ, PYTHONUNBUFFERED="1"), log)
    deadline = time.monotonic() + 30
    while not http_ok(port, "/v1/models"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise BenchError(f"fake model did not start:\n{log.read_text()[-2000:]}")
        time.sleep(0.05)
    return process.pid, port


def server_env(model_port: int, data_dir: Path, prompt_file: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CHATBOT_", "OPENAI_", "SESSION_", "RATELIMIT_", "REDIS_"))}
    env.update(CHATBOT_ENGINE="openai", OPENAI_BASE_URL=f"http://{HOST}:{model_port}/v1",
               OPENAI_API_KEY="bench", CHATBOT_DATA_DIR=str(data_dir), SECRET_KEY="bench",
               # Budgets are checked and spent on every turn, but the day's 2M tokens last a
               # few thousand turns: a longer run would then measure fallbacks (one did).
               CHATBOT_DAILY_TOKEN_BUDGET="1000000000000",
               RATELIMIT_ENABLED="false", PYTHONUNBUFFERED="1",
               REFERENCE_MODEL_URL=f"http://{HOST}:{model_port}/v1",
               REFERENCE_SYSTEM_PROMPT=str(prompt_file))
    return env


# -- one visitor ---------------------------------------------------------------------------


@dataclass
class Turn:
    """One visitor's turn (seconds)."""

    stream: bool
    ttfb: float | None = None  # POST sent -> first byte of the body
    ttft: float | None = None  # POST sent -> first streamed token
    total: float | None = None  # POST sent -> end of the response
    error: str | None = None
    model_total: float | None = None  # the probes' median in the same round


_CSRF = re.compile(rb'name="csrf_token" value="([^"]+)"')
_COOKIE = re.compile(r"^(chatbot_session|sid)=")


class FirstByte(TokenClock):
    """TokenClock that also notes the first body byte and counts streams open."""

    open_streams = 0

    def __init__(self, mark: bytes, started: float):
        super().__init__(mark, started)
        self.first_byte: float | None = None

    def __call__(self, data: bytes) -> None:
        if self.first_byte is None:
            self.first_byte = time.perf_counter() - self.started
            FirstByte.open_streams += 1
        super().__call__(data)


async def visit(server: Server, n: int, tokens: int, stream: bool) -> Turn:
    """GET /chat for a session (and CSRF token), then one POST /chat/messages."""
    turn = Turn(stream)
    connection = Connection(server.port)
    clock: FirstByte | None = None
    try:
        page = await connection.request("GET", "/chat", {"Accept": "text/html"})
        cookie = next((c.split(";", 1)[0] for c in page.cookies if _COOKIE.match(c)), None)
        token = _CSRF.search(page.body)
        if page.status != 200 or cookie is None or (server.csrf and token is None):
            turn.error = f"GET /chat: {page.status}, no session or token"
            return turn
        form = {"message": f"Tell me about your work on topic {n}", "page": "chat"}
        if token is not None:
            form["csrf_token"] = token.group(1).decode()
        accept = "text/html, text/event-stream" if stream else "text/html"
        started = time.perf_counter()
        clock = FirstByte(TOKEN_MARK, started)
        reply = await connection.request("POST", "/chat/messages", {
            "Cookie": cookie, "HX-Request": "true", "Accept": accept,
            "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin",
        }, urllib.parse.urlencode(form).encode(), clock)
        turn.total = time.perf_counter() - started
        turn.ttfb, turn.ttft = clock.first_byte, clock.first
        if reply.status != 200:
            turn.error = f"POST: HTTP {reply.status}"
        elif b"msg assistant reply" not in reply.body:
            turn.error = "no finished reply (fallback or cut)"
        elif stream and clock.count == 0:  # tokens read together come as one piece
            turn.error = "no text streamed before the finished reply"
    except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
        turn.error = f"{type(error).__name__}: {error}"
    finally:
        if clock is not None and clock.first_byte is not None:
            FirstByte.open_streams -= 1
        await connection.close()
    return turn


async def probe(port: int, body: bytes, tokens: int) -> Turn:
    """Stream one completion straight from the fake model: its own time, now."""
    turn = Turn(True)
    connection = Connection(port)
    try:
        started = time.perf_counter()
        clock = TokenClock(MODEL_TOKEN_MARK, started)
        reply = await connection.request("POST", "/v1/chat/completions", {
            "Content-Type": "application/json", "Authorization": "Bearer bench"}, body, clock)
        turn.total, turn.ttft = time.perf_counter() - started, clock.first
        if reply.status != 200 or clock.count != tokens:
            turn.error = f"model: HTTP {reply.status}, {clock.count} tokens"
    except (OSError, asyncio.IncompleteReadError, ValueError) as error:
        turn.error = f"{type(error).__name__}: {error}"
    finally:
        await connection.close()
    return turn


async def bounded(visit: Callable[[], Awaitable[Turn]], delay: float, stream: bool) -> Turn:
    await asyncio.sleep(delay)
    try:
        return await asyncio.wait_for(visit(), VISITOR_TIMEOUT)
    except TimeoutError:
        return Turn(stream, error=f"no answer within {VISITOR_TIMEOUT:.0f} s")


async def crowd(visits: Sequence[tuple[Callable[[], Awaitable[Turn]], bool]],
                spread: float) -> list[Turn]:
    step = spread / len(visits) if len(visits) > 1 else 0.0
    return list(await asyncio.gather(*(bounded(v, i * step, s)
                                       for i, (v, s) in enumerate(visits))))


# -- what is measured ----------------------------------------------------------------------


@dataclass
class Level:
    visitors: int
    turns: list[Turn] = field(default_factory=list)
    probes: list[Turn] = field(default_factory=list)
    cpu: float = 0.0
    client_cpu: float = 0.0
    others_cpu: float = 0.0
    wall: float = 0.0


@dataclass
class Throughput:
    turns: int = 0
    errors: int = 0
    seconds: float = 0.0
    cpu: float = 0.0
    client_cpu: float = 0.0


@dataclass
class Burst:
    turns: list[Turn] = field(default_factory=list)
    rss_before: int = 0
    rss_peak_delta: int = 0
    open_at_peak: int = 0
    cpu: float = 0.0


class Counter:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> int:
        self.n += 1
        return self.n


async def latency_round(server: Server, level: Level, visitors: int, args: argparse.Namespace,
                        body: bytes, model_port: int, model_pid: int, counter: Counter) -> None:
    visits = [(functools.partial(visit, server, counter(), args.words, i % 2 == 0), i % 2 == 0)
              for i in range(visitors)]
    probes = [(functools.partial(probe, model_port, body, args.words), True)
              for _ in range(max(1, visitors // 10))]
    pids = server.pids()
    cpu0, client0 = sum(cpu_seconds(p) for p in pids), time.process_time()
    model0, machine0, wall0 = cpu_seconds(model_pid), machine_busy_seconds(), time.perf_counter()
    turns, probe_turns = await asyncio.gather(crowd(visits, args.spread),
                                              crowd(probes, args.spread))
    wall = time.perf_counter() - wall0
    cpu = sum(cpu_seconds(p) for p in pids) - cpu0
    client = time.process_time() - client0
    level.wall += wall
    level.cpu += cpu
    level.client_cpu += client
    level.others_cpu += (machine_busy_seconds() - machine0 - cpu - client
                         - (cpu_seconds(model_pid) - model0))
    totals = [t.total for t in probe_turns if t.error is None and t.total is not None]
    for turn in turns:
        if totals:
            turn.model_total = statistics.median(totals)
        elif turn.error is None:
            turn.error = "no probe of the model succeeded in this round"
    level.turns += turns
    level.probes += probe_turns


async def saturate(server: Server, args: argparse.Namespace, counter: Counter) -> Throughput:
    """Visitors in a loop for a fixed time, against a model that answers at once."""
    result = Throughput()
    stop = time.perf_counter() + args.saturation_seconds

    async def loop(i: int) -> None:
        stream = i % 2 == 0
        while time.perf_counter() < stop:
            turn = await bounded(functools.partial(visit, server, counter(), args.words, stream),
                                 0, stream)
            if time.perf_counter() > stop + 0.5 and turn.error is None:
                break  # finished after the window: not counted
            result.turns += turn.error is None
            result.errors += turn.error is not None
            stream = not stream

    pids = server.pids()
    cpu0, client0, wall0 = (sum(cpu_seconds(p) for p in pids), time.process_time(),
                            time.perf_counter())
    await asyncio.gather(*(loop(i) for i in range(args.saturation_visitors)))
    result.seconds = time.perf_counter() - wall0
    result.cpu = sum(cpu_seconds(p) for p in pids) - cpu0
    result.client_cpu = time.process_time() - client0
    return result


async def burst(server: Server, args: argparse.Namespace, counter: Counter) -> Burst:
    """Many streaming visitors at once: errors, time to first byte, memory per stream."""
    result = Burst()
    pids = server.pids()
    result.rss_before = rss_bytes(pids)
    done = False

    async def sample() -> None:
        while not done:
            open_now = FirstByte.open_streams
            if open_now >= result.open_at_peak and open_now:
                result.open_at_peak = open_now
                result.rss_peak_delta = rss_bytes(pids) - result.rss_before
            await asyncio.sleep(0.02)

    FirstByte.open_streams = 0
    sampler = asyncio.create_task(sample())
    cpu0 = sum(cpu_seconds(p) for p in pids)
    visits = [(functools.partial(visit, server, counter(), args.words, True), True)
              for _ in range(args.burst)]
    result.turns = await crowd(visits, args.burst_spread)
    result.cpu = sum(cpu_seconds(p) for p in pids) - cpu0
    done = True
    await sampler
    return result


async def latency_phase(servers: list[Server], args: argparse.Namespace, model_port: int,
                        model_pid: int) -> None:
    body = model_request_body()
    counter = Counter()
    for server in servers:  # warm up: imports, pools, first connections
        warm = await crowd([(functools.partial(visit, server, counter(), args.words, i % 2 == 0),
                             i % 2 == 0) for i in range(20)], 0.5)
        if any(t.error for t in warm):
            raise BenchError(f"{server.name} warm-up failed: "
                             f"{next(t.error for t in warm if t.error)}")
    for visitors in args.levels:
        for server in servers:
            server.levels[visitors] = Level(visitors)
        for r in range(args.rounds):
            order = servers if r % 2 == 0 else servers[::-1]
            for server in order:
                await asyncio.to_thread(wait_for_quiet, args.quiet_wait / 3, 0.5)
                await latency_round(server, server.levels[visitors], visitors, args, body,
                                    model_port, model_pid, counter)
                await asyncio.sleep(0.5)
        print(f"  {visitors} visitors done", file=sys.stderr, flush=True)
    if "burst" in args.skip:
        return
    for server in servers if args.rounds % 2 == 0 else servers[::-1]:
        await asyncio.to_thread(wait_for_quiet, args.quiet_wait / 3, 0.5)
        server.burst = await burst(server, args, counter)
        await asyncio.sleep(1.0)
    print(f"  {args.burst} streams at once done", file=sys.stderr, flush=True)


async def throughput_phase(servers: list[Server], args: argparse.Namespace) -> None:
    counter = Counter()
    for server in servers:
        await crowd([(functools.partial(visit, server, counter(), args.words, True), True)
                     for _ in range(20)], 0.2)
    for r in range(args.saturation_rounds):
        for server in (servers if r % 2 == 0 else servers[::-1]):
            await asyncio.to_thread(wait_for_quiet, args.quiet_wait / 3, 0.5)
            result = await saturate(server, args, counter)
            if server.throughput is None:
                server.throughput = result
            else:
                t = server.throughput
                t.turns += result.turns
                t.errors += result.errors
                t.seconds += result.seconds
                t.cpu += result.cpu
                t.client_cpu += result.client_cpu
    print("  zero-latency throughput done", file=sys.stderr, flush=True)


# -- the report ----------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def added(level: Level, stream: bool | None = None, q: float = 99) -> float | None:
    values = [t.total - t.model_total for t in level.turns
              if t.error is None and t.total is not None and t.model_total is not None
              and (stream is None or t.stream == stream)]
    return percentile(values, q) if values else None


def cpu_per_turn(server: Server) -> float:
    levels = [lv for v, lv in server.levels.items() if v >= 50]
    turns = sum(len(lv.turns) for lv in levels)
    return sum(lv.cpu for lv in levels) / turns if turns else float("nan")


def errors(level: Level) -> int:
    return sum(t.error is not None for t in level.turns)


def fmt(value: float | None, unit: str = " ms") -> str:
    return "-" if value is None else f"{value * 1000:.0f}{unit}"


def summary(app: Server, ref: Server, args: argparse.Namespace) -> tuple[str, list[str]]:
    """The issue's table: the app, the reference, the target and whether it is met."""
    rows = []
    verdicts = []

    def row(measure: str, a: str, r: str, target: str, met: bool | None) -> None:
        verdict = "-" if met is None else ("met" if met else "**not met**")
        rows.append(f"| {measure} | {a} | {r} | {target} | {verdict} |")
        if met is not None:
            verdicts.append(f"{measure}: {verdict}")

    for visitors in (v for v in args.levels if v > 1):
        la, lr = app.levels[visitors], ref.levels[visitors]
        pa, pr = added(la), added(lr)
        sa, sr = added(la, True), added(lr, True)
        na, nr = added(la, False), added(lr, False)
        row(f"p99 added, {visitors} visitors (all turns)", fmt(pa), fmt(pr), "≤ the reference",
            None if pa is None or pr is None else pa <= pr)
        row(f"  streamed / not streamed, {visitors} visitors", f"{fmt(sa)} / {fmt(na)}",
            f"{fmt(sr)} / {fmt(nr)}", "", None)
        row(f"  errors, {visitors} visitors", str(errors(la)), str(errors(lr)), "0",
            None)
    ca, cr = cpu_per_turn(app), cpu_per_turn(ref)
    row("server CPU per turn (50 + 200 visitors)", f"{ca * 1000:.1f} ms", f"{cr * 1000:.1f} ms",
        "≤ 1.5× the reference", ca <= 1.5 * cr)
    ta, tr = app.throughput, ref.throughput
    if ta is not None and tr is not None:
        rate_a, rate_r = ta.turns / ta.seconds, tr.turns / tr.seconds
        row("zero-latency throughput", f"{rate_a:.0f} turns/s", f"{rate_r:.0f} turns/s",
            "≥ 2× the reference", rate_a >= 2 * rate_r)
        row("  CPU per turn at saturation", f"{ta.cpu / max(1, ta.turns) * 1000:.1f} ms",
            f"{tr.cpu / max(1, tr.turns) * 1000:.1f} ms", "", None)
        row("  errors at saturation", str(ta.errors), str(tr.errors), "0", None)
    ba, br = app.burst, ref.burst
    if ba is not None and br is not None:
        ea = sum(t.error is not None for t in ba.turns)
        er = sum(t.error is not None for t in br.turns)
        row(f"{args.burst} streaming visitors: errors", str(ea), str(er), "0", ea == 0)
        fa = [t.ttfb for t in ba.turns if t.ttfb is not None]
        fr = [t.ttfb for t in br.turns if t.ttfb is not None]
        if fa and fr:
            a50, a99, r50, r99 = (percentile(fa, 50), percentile(fa, 99), percentile(fr, 50),
                                  percentile(fr, 99))
            row(f"{args.burst} streaming visitors: time to first byte p50 / p99",
                f"{fmt(a50, '')} / {fmt(a99)}", f"{fmt(r50, '')} / {fmt(r99)}",
                "≤ the reference", a99 <= r99)
        ka = [t.ttft for t in ba.turns if t.ttft is not None]
        kr = [t.ttft for t in br.turns if t.ttft is not None]
        if ka and kr:
            row(f"{args.burst} streaming visitors: first token p50 / p99",
                f"{fmt(percentile(ka, 50), '')} / {fmt(percentile(ka, 99))}",
                f"{fmt(percentile(kr, 50), '')} / {fmt(percentile(kr, 99))}", "", None)
        row("memory per open stream (RSS delta / open streams)",
            f"{ba.rss_peak_delta / max(1, ba.open_at_peak) / 1024:.0f} KiB "
            f"({ba.rss_peak_delta / 2**20:.1f} MiB / {ba.open_at_peak})",
            f"{br.rss_peak_delta / max(1, br.open_at_peak) / 1024:.0f} KiB "
            f"({br.rss_peak_delta / 2**20:.1f} MiB / {br.open_at_peak})", "stated", None)
    head = ["| measure | the app | the reference | target | |", "|---|---|---|---|---|"]
    return "\n".join(head + rows), verdicts


def details(servers: list[Server], args: argparse.Namespace) -> str:
    lines = ["| server | visitors | turns | errors | whole turn p50 / p99 | added p50 / p99 "
             "| streamed: first token added p50 / p99 | model (probes) p50 / p99 "
             "| CPU/turn | server CPU % | load generator CPU % | other processes CPU % |",
             "|" + "---|" * 12]
    for visitors in args.levels:
        for s in servers:
            lv = s.levels[visitors]
            ok = [t for t in lv.turns if t.error is None and t.total is not None]
            probes = [t.total for t in lv.probes if t.error is None and t.total is not None]
            ttft_added = [t.ttft - (t.model_total - statistics.median(
                [p.total - p.ttft for p in lv.probes if p.error is None and p.ttft and p.total]))
                for t in ok if t.stream and t.ttft is not None and t.model_total is not None]
            a50, a99 = added(lv, q=50), added(lv)
            lines.append(
                f"| {s.name} | {visitors} | {len(lv.turns)} | {errors(lv)} | "
                f"{fmt(percentile([t.total for t in ok], 50), '') if ok else '-'} / "
                f"{fmt(percentile([t.total for t in ok], 99), '') if ok else '-'} | "
                f"{fmt(a50, '')} / {fmt(a99, '')} | "
                f"{fmt(percentile(ttft_added, 50), '') if ttft_added else '-'} / "
                f"{fmt(percentile(ttft_added, 99), '') if ttft_added else '-'} | "
                f"{fmt(percentile(probes, 50), '') if probes else '-'} / "
                f"{fmt(percentile(probes, 99), '') if probes else '-'} | "
                f"{lv.cpu / max(1, len(lv.turns)) * 1000:.1f} | {lv.cpu / lv.wall * 100:.0f} | "
                f"{lv.client_cpu / lv.wall * 100:.0f} | "
                f"{max(0.0, lv.others_cpu) / lv.wall * 100:.0f} |")
    return "\n".join(lines)


def extra_rows(servers: list[Server], args: argparse.Namespace) -> str:
    """Every server, including --variant ones, on the headline measures."""
    lines = ["| server | " + " | ".join(f"p99 added, {v}" for v in args.levels if v > 1)
             + " | CPU/turn | zero-latency turns/s | CPU/turn at saturation "
             f"| {args.burst} streams: errors | TTFB p50 / p99 | memory per open stream |",
             "|" + "---|" * (len([v for v in args.levels if v > 1]) + 7)]
    for s in servers:
        cells = [fmt(added(s.levels[v]), "") for v in args.levels if v > 1]
        cells.append(f"{cpu_per_turn(s) * 1000:.1f}")
        t = s.throughput
        cells += ([f"{t.turns / t.seconds:.0f}", f"{t.cpu / max(1, t.turns) * 1000:.1f}"]
                  if t else ["-", "-"])
        b = s.burst
        if b:
            ttfb = [x.ttfb for x in b.turns if x.ttfb is not None]
            cells += [str(sum(x.error is not None for x in b.turns)),
                      f"{fmt(percentile(ttfb, 50), '')} / {fmt(percentile(ttfb, 99), '')}"
                      if ttfb else "-",
                      f"{b.rss_peak_delta / max(1, b.open_at_peak) / 1024:.0f} KiB"]
        else:
            cells += ["-", "-", "-"]
        lines.append(f"| {s.name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report(servers: list[Server], args: argparse.Namespace, command: str, load: float,
           started: datetime.datetime) -> tuple[str, list[str]]:
    app, ref = servers[0], servers[1]
    table, verdicts = summary(app, ref, args)
    nominal = args.delay + (args.words - 1) / args.tps
    lines = [
        f"Run {started:%Y-%m-%d %H:%M %Z} with `{command}`; machine load before the run: "
        f"{load:.0%} of one core busy with other processes (`/proc/stat`), and "
        f"{os.getloadavg()[0]:.1f} load average at the end.",
        "",
        f"Fake model: first token after {args.delay * 1000:.0f} ms, then {args.words} tokens "
        f"at {args.tps:g}/s (about {nominal * 1000:.0f} ms a reply); for the zero-latency "
        "measure, all at once. Half the turns stream (htmx's SSE extension), half are plain "
        f"htmx partials. {args.rounds} rounds per level, arrivals over {args.spread:g} s, "
        "the servers alternating round by round. "
        f"App: `{app.command.format(port='PORT')}` (reads ./gunicorn.conf.py); "
        f"reference: `{ref.command.format(port='PORT')}`. Both: two worker processes.",
        "",
        table,
        "",
        "Every server in this run:",
        "",
        extra_rows(servers, args),
        "",
        "Per level (milliseconds; CPU per turn in ms, CPU % of one core during the rounds):",
        "",
        details(servers, args),
        "",
        f"Zero-latency: {args.saturation_visitors} visitors looping for "
        f"{args.saturation_seconds:g} s, {args.saturation_rounds} rounds per server. "
        f"{args.burst} streaming visitors arrive over {args.burst_spread:g} s.",
        "",
        "Machine: " + "; ".join(machine()) + ".",
    ]
    errs: dict[str, int] = {}
    for s in servers:
        for lv in s.levels.values():
            for t in lv.turns:
                if t.error:
                    errs[f"{s.name}: {t.error}"] = errs.get(f"{s.name}: {t.error}", 0) + 1
        for t in (s.burst.turns if s.burst else []):
            if t.error:
                errs[f"{s.name} burst: {t.error}"] = errs.get(f"{s.name} burst: {t.error}", 0) + 1
    if errs:
        lines += ["", "Errors:"] + [f"- {n} x {e}" for e, n in list(errs.items())[:10]]
    return "\n".join(lines), verdicts


def write_between(path: Path, text: str) -> None:
    old = path.read_text()
    if START_MARK in old and END_MARK in old:
        head, rest = old.split(START_MARK, 1)
        path.write_text(head + f"{START_MARK}\n{text}\n{END_MARK}" + rest.split(END_MARK, 1)[1])
    else:
        path.write_text(old.rstrip("\n") + f"\n\n{START_MARK}\n{text}\n{END_MARK}\n")


# -- the run -------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--levels", default="50,200")
    # Four rounds: at 50 visitors the p99 of 200 turns, not the second-worst of 100.
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--spread", type=float, default=1.0)
    parser.add_argument("--delay", type=float, default=0.3, help="fake model: first token")
    parser.add_argument("--tps", type=float, default=40.0, help="fake model: tokens/s")
    parser.add_argument("--words", type=int, default=40, help="fake model: tokens per reply")
    parser.add_argument("--burst", type=int, default=500, help="streaming visitors at once")
    parser.add_argument("--burst-spread", type=float, default=0.5)
    parser.add_argument("--saturation-visitors", type=int, default=48)
    parser.add_argument("--saturation-seconds", type=float, default=6.0)
    parser.add_argument("--saturation-rounds", type=int, default=2)
    parser.add_argument("--app", default=APP_COMMAND, help="the app's command ({port})")
    parser.add_argument("--reference", default=REFERENCE_COMMAND)
    parser.add_argument("--variant", action="append", metavar="NAME=COMMAND",
                        help="another server to measure beside them (default: the reference "
                        "with one worker, the only way its dict keeps every history, and the "
                        "reference on Flask and gunicorn, the floor of the product's stack)")
    parser.add_argument("--skip", default="", help="phases to skip: latency,burst,throughput")
    parser.add_argument("--quiet-wait", type=float, default=15.0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    args.levels = [int(v) for v in args.levels.split(",")]
    if args.variant is None:
        args.variant = ["reference-1-worker=" + REFERENCE_COMMAND.replace("--workers 2",
                                                                         "--workers 1"),
                        "reference-flask=" + FLASK_REFERENCE_COMMAND]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "make bench" if argv is None and len(sys.argv) == 1 else shlex.join(
        [".venv/bin/python", "bench/versus.py", *(argv if argv is not None else sys.argv[1:])])
    with contextlib.suppress(ImportError):
        import uvloop  # the load generator's own CPU, smaller; the servers are not affected

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    started = datetime.datetime.now().astimezone()
    load = wait_for_quiet(args.quiet_wait)
    servers = [Server("app", args.app), Server("reference", args.reference, csrf=False)]
    for spec in args.variant:
        name, _, cmd = spec.partition("=")
        servers.append(Server(name, cmd, csrf="reference" not in cmd))
    processes = Processes()
    deadline = time.monotonic() + RUN_DEADLINE
    try:
        with tempfile.TemporaryDirectory(prefix="chatbot-versus-") as temp:
            tmp = Path(temp)
            prompt = tmp / "system_prompt.txt"
            prompt.write_text(json.loads(model_request_body())["messages"][0]["content"])
            for phase, delay, tps in (("latency", args.delay, args.tps), ("throughput", 0, 0)):
                if phase in args.skip:
                    continue
                model_pid, model_port = start_model(processes, delay, tps, args.words,
                                                    tmp / f"model-{phase}.log")
                for s in servers:
                    start_server(processes, s, server_env(model_port, tmp / f"{s.name}-{phase}",
                                                          prompt), tmp / f"{s.name}-{phase}.log")
                print(f"{phase}: " + ", ".join(f"{s.name} pid {s.pid}" for s in servers),
                      file=sys.stderr, flush=True)
                remaining = deadline - time.monotonic()
                work = (latency_phase(servers, args, model_port, model_pid)
                        if phase == "latency" else throughput_phase(servers, args))
                asyncio.run(asyncio.wait_for(work, remaining))
                processes.stop()
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
    text, verdicts = report(servers, args, command, load, started)
    print(text)
    if not args.no_write:
        write_between(DOC, text)
        print(f"\nwritten to {DOC.relative_to(ROOT)}", file=sys.stderr)
    print("\n".join(verdicts), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
