"""A fake OpenAI-compatible HTTP server on a real socket, for tests and benchmarks."""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import itertools
import json
import logging
import re
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

DEFAULT_REPLY = "Hello from the fake model."
DEFAULT_MODEL = "fake-model"
FAULTS = frozenset(
    {"rate_limit", "server_error", "bad_gateway", "auth", "timeout", "cut", "garbage", "disconnect"}
)
MAX_BODY_BYTES = 8 * 1024 * 1024
CUT_AFTER_CHUNKS = 3

Reply = str | Callable[[Any], str]
Tokenizer = Callable[[str], list[str]]

_TOKEN_RE = re.compile(r"\s*\S+")
_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Content Too Large",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
}
# Error bodies in the shape the real API sends, keyed by fault name.
_FAULT_ERRORS: dict[str, tuple[int, str, str, str | None]] = {
    "rate_limit": (
        429,
        "Rate limit reached for fake-model (fake). Please try again shortly.",
        "requests",
        "rate_limit_exceeded",
    ),
    "server_error": (
        500,
        "The server had an error while processing your request. Sorry about that!",
        "server_error",
        None,
    ),
    "bad_gateway": (502, "Bad gateway.", "server_error", None),
    "auth": (
        401,
        "Incorrect API key provided. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
        "invalid_request_error",
        "invalid_api_key",
    ),
}
_LOREM = (
    "the quick brown fox jumps over a lazy dog while seven bright models stream "
    "tokens across patient sockets into small friendly chat widgets"
).split()


def split_tokens(text: str) -> list[str]:
    """Split text into token-like chunks: each word with its leading whitespace."""
    return _TOKEN_RE.findall(text)


def lorem_words(n: int) -> str:
    """Return a deterministic n-word reply for benchmarks."""
    words = list(itertools.islice(itertools.cycle(_LOREM), n))
    return (" ".join(words).capitalize() + ".") if words else ""


def system_prompt_of(request: Any) -> str:
    """The system message of a chat-completions request ("" if it has none)."""
    messages = request.get("messages") if isinstance(request, dict) else None
    first = messages[0] if isinstance(messages, list) and messages else None
    content = first.get("content") if isinstance(first, dict) else None
    return content if isinstance(content, str) and first.get("role") == "system" else ""


def echo_system_prompt(transform: Callable[[str], str] = lambda text: text) -> Reply:
    """A reply that recites the request's system prompt (after `transform`): a leaky model."""
    return lambda request: transform(system_prompt_of(request))


def chunks_of(size: int) -> Tokenizer:
    """A tokenizer that streams text in pieces of `size` characters."""
    return lambda text: [text[i:i + size] for i in range(0, len(text), size)]


def error_body(message: str, type_: str, code: str | None) -> dict[str, Any]:
    """Return an OpenAI-style error JSON object."""
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}


@dataclass
class RecordedRequest:
    """One HTTP request the fake server received."""

    method: str
    path: str
    headers: dict[str, str]
    json: Any = None
    body: bytes = b""
    fault: str | None = None
    received_at: float = field(default_factory=time.monotonic)


class _Closed(Exception):
    """The peer went away; end the connection quietly."""


class FakeOpenAI:
    """An OpenAI-compatible server on 127.0.0.1 whose loop runs in a daemon thread."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        delay: float = 0.0,
        tokens_per_second: float = 0.0,
        reply: Reply = DEFAULT_REPLY,
        tokenize: Tokenizer = split_tokens,
        retry_after_ms: int = 10,
        timeout_hold: float = 60.0,
    ) -> None:
        self.host = host
        self.port = port
        self.delay = delay
        self.tokens_per_second = tokens_per_second
        self.reply = reply
        self.tokenize = tokenize
        self.retry_after_ms = retry_after_ms
        self.timeout_hold = timeout_hold
        # False acts like llama.cpp's server: no `usage` in streams even when asked for it
        # with stream_options.include_usage (non-streamed replies always carry it).
        self.stream_usage = True
        self.requests: list[RecordedRequest] = []
        self._defaults = (delay, tokens_per_second, reply, tokenize)
        self._faults: collections.deque[str] = collections.deque()
        self._lock = threading.Lock()
        self._counter = itertools.count(1)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._handlers: set[asyncio.Task[None]] = set()
        self.connections_opened = 0
        self.streams_abandoned = 0  # streams the client closed before the end

    # -- lifecycle -------------------------------------------------------

    @property
    def base_url(self) -> str:
        """Return the URL to give the SDK as base_url."""
        return f"http://{self.host}:{self.port}/v1"

    def start(self) -> FakeOpenAI:
        """Start serving in a background thread; return self once the port is bound."""
        if self._thread is not None:
            raise RuntimeError("FakeOpenAI already started")
        self._ready.clear()
        self._startup_error = None
        self._thread = threading.Thread(target=self._run, name="fake-openai", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._startup_error is not None:
            self._thread.join()
            self._thread = None
            raise RuntimeError("FakeOpenAI failed to start") from self._startup_error
        return self

    def stop(self) -> None:
        """Stop serving, drop open connections and join the thread."""
        thread, loop, stopping = self._thread, self._loop, self._stopping
        if thread is None:
            return
        if loop is not None and stopping is not None:
            with contextlib.suppress(RuntimeError):  # loop already closed
                loop.call_soon_threadsafe(stopping.set)
        thread.join(timeout=10)
        if thread.is_alive():
            raise RuntimeError("FakeOpenAI thread did not stop")
        self._thread = None

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- control ---------------------------------------------------------

    def fail_next(self, fault: str, times: int = 1) -> None:
        """Queue a fault for each of the next `times` chat-completion requests."""
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; expected one of {sorted(FAULTS)}")
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._faults.extend([fault] * times)

    def reset(self) -> None:
        """Clear recorded requests and queued faults; restore delay, pacing, reply, tokens."""
        with self._lock:
            self._faults.clear()
            self.requests.clear()
        self.connections_opened = 0
        self.streams_abandoned = 0
        self.delay, self.tokens_per_second, self.reply, self.tokenize = self._defaults
        self.stream_usage = True

    @property
    def pending_faults(self) -> list[str]:
        """Return the faults still queued, next first."""
        with self._lock:
            return list(self._faults)

    def _take_fault(self) -> str | None:
        with self._lock:
            return self._faults.popleft() if self._faults else None

    # -- event loop ------------------------------------------------------

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # surfaced to start() if it happened during start-up
            self._startup_error = exc
        finally:
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        server = await asyncio.start_server(
            self._handle, self.host, self.port, limit=64 * 1024, backlog=1024
        )
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            await self._stopping.wait()
        finally:
            server.close()
            for task in list(self._handlers):
                task.cancel()
            await asyncio.gather(*self._handlers, return_exceptions=True)
            await server.wait_closed()

    # -- HTTP ------------------------------------------------------------

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        self.connections_opened += 1
        try:
            keep_alive = True
            while keep_alive:
                keep_alive = await self._serve_one(reader, writer)
        except (_Closed, ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:
            pass
        except Exception:
            log.exception("fake OpenAI server: unexpected error")
        finally:
            self._handlers.discard(task)
            writer.close()
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await writer.wait_closed()

    async def _serve_one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Read and answer one request; return whether to keep the connection open."""
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as exc:
            if exc.partial.strip():
                raise
            raise _Closed from None  # clean EOF between requests
        lines = head.decode("latin-1").split("\r\n")
        try:
            method, target, version = lines[0].split(" ", 2)
        except ValueError:
            await self._send_json(
                writer,
                400,
                error_body("Malformed request line.", "invalid_request_error", None),
                False,
            )
            return False
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if not line:
                continue
            name, _, value = line.partition(":")
            key = name.strip().lower()
            value = value.strip()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        connection = headers.get("connection", "").lower()
        keep_alive = "close" not in connection and (
            version != "HTTP/1.0" or "keep-alive" in connection
        )

        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = await self._read_chunked(reader)
        else:
            length = int(headers.get("content-length", "0") or "0")
            if length > MAX_BODY_BYTES:
                await self._send_json(
                    writer, 413, error_body("Body too large.", "invalid_request_error", None), False
                )
                return False
            body = await reader.readexactly(length) if length else b""

        payload: Any = None
        if body:
            try:
                payload = json.loads(body)
            except ValueError:
                payload = None
        record = RecordedRequest(
            method=method, path=target, headers=headers, json=payload, body=body
        )
        self.requests.append(record)
        request_id = f"req_fake_{next(self._counter)}"

        path = target.split("?", 1)[0].rstrip("/")
        if path in ("/v1/chat/completions", "/chat/completions"):
            if method != "POST":
                return await self._send_json(
                    writer,
                    405,
                    error_body("Use POST.", "invalid_request_error", None),
                    keep_alive,
                    request_id,
                )
            record.fault = self._take_fault()
            return await self._chat(reader, writer, record, request_id, keep_alive)
        if path in ("/v1/models", "/models") and method == "GET":
            models = {
                "object": "list",
                "data": [
                    {"id": DEFAULT_MODEL, "object": "model", "created": 0, "owned_by": "fake"}
                ],
            }
            return await self._send_json(writer, 200, models, keep_alive, request_id)
        not_found = error_body(
            f"Unknown request URL: {method} {path}.", "invalid_request_error", "unknown_url"
        )
        return await self._send_json(writer, 404, not_found, keep_alive, request_id)

    async def _read_chunked(self, reader: asyncio.StreamReader) -> bytes:
        parts: list[bytes] = []
        total = 0
        while True:
            size_line = await reader.readuntil(b"\r\n")
            size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                while (await reader.readuntil(b"\r\n")) != b"\r\n":
                    pass  # skip trailers
                return b"".join(parts)
            total += size
            if total > MAX_BODY_BYTES:
                raise _Closed
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)

    @staticmethod
    def _head(status: int, headers: dict[str, str]) -> bytes:
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Unknown')}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    async def _send_json(
        self,
        writer: asyncio.StreamWriter,
        status: int,
        payload: Any,
        keep_alive: bool,
        request_id: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> bool:
        """Send a complete JSON response; return keep_alive."""
        body = json.dumps(payload).encode()
        headers = {
            "content-type": "application/json",
            "content-length": str(len(body)),
            "x-request-id": request_id or f"req_fake_{next(self._counter)}",
            "connection": "keep-alive" if keep_alive else "close",
            **(extra or {}),
        }
        writer.write(self._head(status, headers) + body)
        await writer.drain()
        return keep_alive

    # -- chat completions ------------------------------------------------

    async def _chat(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        record: RecordedRequest,
        request_id: str,
        keep_alive: bool,
    ) -> bool:
        fault = record.fault
        if fault == "disconnect":
            writer.transport.abort()
            raise _Closed
        if fault == "timeout":
            await self._hold(reader)
            raise _Closed
        if fault in _FAULT_ERRORS:
            status, message, type_, code = _FAULT_ERRORS[fault]
            extra: dict[str, str] = {}
            if status == 429 or status >= 500:
                # The SDK ignores "retry-after: 0" (it needs > 0) but honours retry-after-ms.
                extra = {"retry-after": "0", "retry-after-ms": str(self.retry_after_ms)}
            return await self._send_json(
                writer, status, error_body(message, type_, code), keep_alive, request_id, extra
            )

        request = record.json
        if not isinstance(request, dict):
            bad = error_body(
                "We could not parse the JSON body of your request.", "invalid_request_error", None
            )
            return await self._send_json(writer, 400, bad, keep_alive, request_id)
        try:
            text = self.reply(request) if callable(self.reply) else self.reply
            tokens = self.tokenize(text)
        except Exception as exc:
            log.exception("fake OpenAI server: reply callable failed")
            err = error_body(f"Fake reply failed: {exc!r}", "server_error", None)
            return await self._send_json(writer, 500, err, keep_alive, request_id)

        if self.delay > 0:
            await asyncio.sleep(self.delay)
        model = str(request.get("model") or DEFAULT_MODEL)
        completion_id = f"chatcmpl-fake{request_id.rsplit('_', 1)[-1]}"
        usage = self._usage(request, tokens)
        if request.get("stream"):
            return await self._stream(
                writer, request, tokens, model, completion_id, usage, request_id, fault, keep_alive
            )

        completion = {
            "id": completion_id,
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "system_fingerprint": "fp_fake",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": "".join(tokens), "refusal": None},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": usage,
        }
        if fault == "garbage":
            body = b"{not json"
            headers = {"content-type": "application/json", "content-length": str(len(body))}
            writer.write(self._head(200, {**headers, "x-request-id": request_id}) + body)
            await writer.drain()
            return keep_alive
        if fault == "cut":
            body = json.dumps(completion).encode()
            headers = {
                "content-type": "application/json",
                "content-length": str(len(body)),
                "x-request-id": request_id,
            }
            writer.write(self._head(200, headers) + body[: len(body) // 2])
            await writer.drain()
            raise _Closed
        return await self._send_json(writer, 200, completion, keep_alive, request_id)

    async def _stream(
        self,
        writer: asyncio.StreamWriter,
        request: dict[str, Any],
        tokens: list[str],
        model: str,
        completion_id: str,
        usage: dict[str, int],
        request_id: str,
        fault: str | None,
        keep_alive: bool,
    ) -> bool:
        """Send the reply as a chunked text/event-stream of chat.completion.chunk events."""
        headers = {
            "content-type": "text/event-stream; charset=utf-8",
            "transfer-encoding": "chunked",
            "cache-control": "no-cache",
            "x-request-id": request_id,
            "connection": "keep-alive" if keep_alive else "close",
        }
        writer.write(self._head(200, headers))
        created = int(time.time())
        stream_options = request.get("stream_options") or {}
        include_usage = self.stream_usage and bool(
            isinstance(stream_options, dict) and stream_options.get("include_usage")
        )

        def chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
            event: dict[str, Any] = {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "system_fingerprint": "fp_fake",
                "choices": [
                    {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
                ],
            }
            if include_usage:
                event["usage"] = None
            return b"data: " + json.dumps(event).encode() + b"\n\n"

        async def send(data: bytes) -> None:
            writer.write(b"%x\r\n%b\r\n" % (len(data), data))
            await writer.drain()

        await send(chunk({"role": "assistant", "content": "", "refusal": None}))
        interval = 1.0 / self.tokens_per_second if self.tokens_per_second > 0 else 0.0
        try:
            for i, token in enumerate(tokens):
                if fault == "cut" and i >= CUT_AFTER_CHUNKS:
                    break
                if interval and i:
                    await asyncio.sleep(interval)
                await send(chunk({"content": token}))
                if fault == "garbage" and i == 0:
                    await send(b"data: {not json\n\n")
        except ConnectionError:
            # The client closed the stream before the end (what a closed SDK stream does).
            self.streams_abandoned += 1
            raise _Closed from None
        if fault == "cut":
            # Close mid-body: no [DONE] and no terminating zero-length chunk.
            writer.close()
            raise _Closed
        await send(chunk({}, "stop"))
        if include_usage:
            final = {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "system_fingerprint": "fp_fake",
                "choices": [],
                "usage": usage,
            }
            await send(b"data: " + json.dumps(final).encode() + b"\n\n")
        # [DONE] and the terminating chunk go out together so the client can reuse the socket.
        done = b"data: [DONE]\n\n"
        writer.write(b"%x\r\n%b\r\n0\r\n\r\n" % (len(done), done))
        await writer.drain()
        return keep_alive

    async def _hold(self, reader: asyncio.StreamReader) -> None:
        """Send nothing until the client hangs up, timeout_hold passes, or stop()."""
        deadline = time.monotonic() + self.timeout_hold
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                data = await asyncio.wait_for(reader.read(65536), remaining)
            except TimeoutError:
                return
            if not data:
                return

    @staticmethod
    def _usage(request: dict[str, Any], tokens: list[str]) -> dict[str, int]:
        prompt = 0
        for message in request.get("messages") or []:
            content = message.get("content") if isinstance(message, dict) else None
            if isinstance(content, str):
                prompt += len(split_tokens(content))
            elif isinstance(content, list):
                prompt += sum(
                    len(split_tokens(part.get("text", "")))
                    for part in content
                    if isinstance(part, dict) and isinstance(part.get("text"), str)
                )
        return {
            "prompt_tokens": prompt,
            "completion_tokens": len(tokens),
            "total_tokens": prompt + len(tokens),
        }


def main(argv: list[str] | None = None) -> None:
    """Run the fake server in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8911)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before the first token")
    parser.add_argument(
        "--tps", type=float, default=0.0, help="tokens per second (0 = all at once)"
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--reply", default=None, help="fixed reply text")
    group.add_argument("--reply-words", type=int, default=None, help="reply with N filler words")
    args = parser.parse_args(argv)
    if args.reply_words is not None:
        reply = lorem_words(args.reply_words)
    else:
        reply = args.reply if args.reply is not None else DEFAULT_REPLY
    logging.basicConfig(level=logging.INFO)
    # Let `kill PID` (SIGTERM) shut down as cleanly as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = FakeOpenAI(
        host=args.host, port=args.port, delay=args.delay, tokens_per_second=args.tps, reply=reply
    )
    with server:
        print(f"fake OpenAI server on {server.base_url} (Ctrl-C to stop)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("stopping", flush=True)


if __name__ == "__main__":
    main()
