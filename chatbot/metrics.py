"""Prometheus metrics at `/metrics` (CHATBOT_METRICS=true), readable from allowed addresses.

Under gunicorn the workers share their figures through files (prometheus-client's
multiprocess mode): gunicorn.conf.py sets PROMETHEUS_MULTIPROC_DIR before anything imports
the client, and each scrape adds up every worker's files.
"""

from __future__ import annotations

import ipaddress
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from flask import Flask, Response, abort, current_app, has_app_context, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

from chatbot.engines.base import EngineUnavailable
from chatbot.prompts import estimate_tokens
from chatbot.settings import SettingsError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class Metrics:
    """The app's metrics, in a registry of its own (so two apps in one process never clash)."""

    registry: CollectorRegistry
    allowed: tuple[Network, ...]
    requests: Counter
    rate_limited: Counter
    reply_seconds: Histogram
    first_token_seconds: Histogram
    model_errors: Counter
    fallbacks: Counter
    tokens: Counter
    streams_open: Gauge

    @classmethod
    def create(cls, allowed: tuple[Network, ...]) -> Metrics:
        """Declare every metric."""
        registry = CollectorRegistry()
        return cls(
            registry, allowed,
            Counter("chatbot_requests", "Requests answered, by route (endpoint) and status.",
                    ["endpoint", "method", "status"], registry=registry),
            Counter("chatbot_rate_limited", "Requests refused by a rate limit (429).",
                    ["endpoint"], registry=registry),
            Histogram("chatbot_reply_seconds", "Time for the model's whole reply.",
                      ["outcome"], registry=registry,
                      buckets=(0.25, 0.5, 1, 2, 4, 8, 15, 30, 60)),
            Histogram("chatbot_first_token_seconds", "Time until the model's first text.",
                      registry=registry, buckets=(0.1, 0.25, 0.5, 1, 2, 4, 8, 15)),
            Counter("chatbot_model_errors", "Model calls that failed, by fault kind.",
                    ["kind"], registry=registry),
            Counter("chatbot_fallbacks", "Replies the profile answered instead of the model.",
                    ["reason"], registry=registry),
            Counter("chatbot_tokens", "Model tokens spent (estimated where the server "
                    "reports no usage).", ["kind"], registry=registry),
            Gauge("chatbot_streams_open", "Replies streaming now.", registry=registry,
                  multiprocess_mode="livesum"),
        )


def current() -> Metrics | None:
    """The current app's metrics, or None when they are off."""
    if not has_app_context():
        return None
    return current_app.extensions.get("metrics")


def record_tokens(*, prompt: int = 0, completion: int = 0) -> None:
    """Count tokens spent: the one place they are counted (the budget code may call it)."""
    metrics = current()
    if metrics is not None:
        if prompt:
            metrics.tokens.labels("prompt").inc(prompt)
        if completion:
            metrics.tokens.labels("completion").inc(completion)


def count_fallback(reason: str) -> None:
    """Count a reply that the profile answered instead of the model."""
    metrics = current()
    if metrics is not None:
        metrics.fallbacks.labels(reason).inc()


def observe_reply(chunks: Iterator[str]) -> Iterator[str]:
    """Measure an engine's reply as it is read: first token, latency, faults, tokens."""
    metrics = current()
    if metrics is None:
        return chunks
    return _observed(chunks, metrics)


def _observed(chunks: Iterator[str], metrics: Metrics) -> Iterator[str]:
    started = time.perf_counter()
    text: list[str] = []
    try:
        for chunk in chunks:
            if not text:
                metrics.first_token_seconds.observe(time.perf_counter() - started)
            text.append(chunk)
            yield chunk
    except EngineUnavailable as fault:
        _fault(metrics, fault.kind, started)
        raise
    else:
        if "".join(text).strip():
            metrics.reply_seconds.labels("reply").observe(time.perf_counter() - started)
        else:
            _fault(metrics, "empty_reply", started)  # conversation.py falls back on it
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()
        # No usage from the server here: estimate from the text (prompts.estimate_tokens).
        record_tokens(completion=estimate_tokens("".join(text)) if text else 0)


def _fault(metrics: Metrics, kind: str, started: float) -> None:
    metrics.model_errors.labels(kind).inc()
    metrics.fallbacks.labels(kind).inc()
    metrics.reply_seconds.labels("fallback").observe(time.perf_counter() - started)


def track_stream(chunks: Iterable[str]) -> Iterator[str]:
    """Count a streamed response as open from its first chunk until it ends or is closed."""
    metrics = current()
    if metrics is None:
        yield from chunks
        return
    metrics.streams_open.inc()
    try:
        yield from chunks
    finally:
        metrics.streams_open.dec()


def parse_allowed(raw: str) -> tuple[Network, ...]:
    """Addresses and networks from a space- or comma-separated list."""
    try:
        return tuple(ipaddress.ip_network(item, strict=False)
                     for item in raw.replace(",", " ").split())
    except ValueError as error:
        raise SettingsError(f"CHATBOT_METRICS_ALLOW={raw!r}: {error}") from None


def is_allowed(address: str | None, allowed: Iterable[Network]) -> bool:
    """True when `address` lies in one of the allowed networks."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip in network for network in allowed)


def _count_request(response: Response) -> Response:
    metrics = current()
    if metrics is not None:
        endpoint = request.endpoint or "none"  # a route's name, never the raw path
        metrics.requests.labels(endpoint, request.method, str(response.status_code)).inc()
        if response.status_code == 429:
            metrics.rate_limited.labels(endpoint).inc()
    return response


def metrics_view() -> Response:
    """The metrics in Prometheus text format (every worker's, under gunicorn)."""
    metrics = current()
    assert metrics is not None  # the route exists only when they are on
    if not is_allowed(request.remote_addr, metrics.allowed):
        abort(403)
    registry = metrics.registry
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    # content_type, not mimetype: Flask would add a second charset to the one the constant
    # has, and Prometheus's scraper (Go's mime parser) rejects a duplicated parameter.
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


def init_app(app: Flask, allowed: tuple[Network, ...]) -> None:
    """Collect and serve metrics when CHATBOT_METRICS is on (else /metrics is a 404)."""
    if not app.config["CHATBOT_METRICS"]:
        return
    app.extensions["metrics"] = Metrics.create(allowed)
    app.after_request(_count_request)
    app.add_url_rule("/metrics", "metrics", metrics_view)
