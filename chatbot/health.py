"""Liveness and readiness for load balancers and orchestrators: `/healthz`, `/readyz`."""

from __future__ import annotations

import logging

import redis
from flask import Blueprint, Flask, Response, current_app, jsonify

from chatbot import state
from chatbot.redis_client import connect, is_redis_url

log = logging.getLogger(__name__)

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    """Say the process is alive: no dependency is asked, so an outage never restarts us."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> Response:
    """Say whether the store and Redis answer (503 with the reason when one does not)."""
    reason = unready_reason(current_app)
    if reason is not None:
        response = jsonify(error=reason)
        response.status_code = 503
        return response
    return jsonify(status="ready", engine=state().engine.name)


def unready_reason(app: Flask) -> str | None:
    """Why the app cannot serve visitors now, or None when it can."""
    try:
        state().store.ping()
    except Exception as error:  # any backend failure means not ready
        log.warning("readiness: the store does not answer: %s", type(error).__name__)
        return "the conversation store is unavailable"
    for url in redis_urls(app):
        try:
            connect(url, app.config["CHATBOT_REDIS_TIMEOUT"]).ping()
        except redis.RedisError as error:
            log.warning("readiness: Redis does not answer: %s", type(error).__name__)
            return "Redis is unavailable"
    return None


def redis_urls(app: Flask) -> list[str]:
    """The Redis servers that sessions and rate limits use (the store pings its own)."""
    urls = []
    if app.config["SESSION_TYPE"] == "redis":
        urls.append(app.config["CHATBOT_REDIS_URL"])
    if is_redis_url(app.config["RATELIMIT_STORAGE_URI"]):
        urls.append(app.config["RATELIMIT_STORAGE_URI"])
    return list(dict.fromkeys(urls))
