"""A portfolio chatbot: answers visitors' questions from the owner's own profile."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from werkzeug.middleware.proxy_fix import ProxyFix

from chatbot import (
    assets,
    budgets,
    errors,
    limits,
    logs,
    metrics,
    security,
    sessions,
    settings,
)
from chatbot.conversation import Chat
from chatbot.engines import make_engine
from chatbot.engines.base import Engine
from chatbot.engines.offline import OfflineEngine
from chatbot.extensions import csrf, server_session
from chatbot.profile import Profile, ProfileError, load_profile
from chatbot.queue import Queue
from chatbot.queue import init_app as queue_init_app
from chatbot.redis_client import connect, is_redis_url
from chatbot.settings import SettingsError
from chatbot.starter_cache import StarterCache
from chatbot.stores import ConversationStore, make_store

SAMPLE_PROFILE = Path(__file__).parent / "data" / "sample_profile.toml"
PROJECT_ROOT = Path(__file__).parent.parent


class StartupError(Exception):
    """The app cannot start: a setting or the profile is wrong. str() says which."""


@dataclass
class ChatbotState:
    """Per-app objects, kept in app.extensions["chatbot"]."""

    profile: Profile
    store: ConversationStore
    engine: Engine
    chat: Chat
    queue: Queue


def state() -> ChatbotState:
    """The current app's chatbot objects."""
    return current_app.extensions["chatbot"]  # type: ignore[no-any-return]


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then the environment, then `test_config`."""
    app = Flask(__name__, instance_relative_config=True,
                template_folder=str(PROJECT_ROOT / "templates"),
                static_folder=str(PROJECT_ROOT / "static"))
    try:
        _configure(app, test_config)
        profile = load_profile(app.config["CHATBOT_PROFILE"] or SAMPLE_PROFILE)
        embed_origins = security.parse_origins(app.config["CHATBOT_EMBED_ORIGINS"])
        metrics_allowed = metrics.parse_allowed(app.config["CHATBOT_METRICS_ALLOW"])
    except (SettingsError, ProfileError) as error:
        raise StartupError(str(error)) from None
    except ValueError as error:
        raise StartupError(f"CHATBOT_EMBED_ORIGINS: {error}") from None

    _init_extensions(app)
    assets.init_app(app)
    security.init_app(app, embed_origins)
    errors.init_app(app)
    metrics.init_app(app, metrics_allowed)
    logs.init_app(app)  # after ProxyFix: it wraps the whole app

    store = make_store(app.config)
    engine = make_engine(app.config, profile)
    starters = StarterCache(_cache(app), profile.starters, profile.digest,
                            app.config["CHATBOT_STARTER_CACHE_SECONDS"])
    chat = Chat(store, budgets.init_app(app).guard(engine), OfflineEngine(profile), starters)
    queue = Queue(store)
    app.extensions["chatbot"] = ChatbotState(profile, store, engine, chat, queue)

    from chatbot import contact, delivery, health, openapi, owner, privacy, views
    from chatbot.cli import group

    app.register_blueprint(views.bp)
    app.register_blueprint(openapi.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(contact.bp)
    app.register_blueprint(privacy.bp)
    app.register_blueprint(owner.bp)
    app.cli.add_command(group)
    delivery.register(queue)
    privacy.register(queue)
    queue_init_app(app, queue)
    return app


def _configure(app: Flask, test_config: Mapping[str, Any] | None) -> None:
    app.config.update(settings.defaults())
    app.config.update(settings.from_environment(os.environ))
    if test_config is not None:
        app.config.update(test_config)
    settings.validate(app.config)
    settings.resolve_shared_state(app.config)

    data_dir = Path(app.config["CHATBOT_DATA_DIR"] or app.instance_path)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SettingsError(f"CHATBOT_DATA_DIR={str(data_dir)!r}: {error.strerror}") from None
    app.config["CHATBOT_DATA_DIR"] = str(data_dir)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = settings.persistent_secret_key(data_dir)

    secure = app.config["SESSION_COOKIE_SECURE"]
    app.config.update(
        SESSION_COOKIE_NAME="chatbot_session",
        SESSION_COOKIE_HTTPONLY=True,
        # A cross-site iframe only gets its cookie back with SameSite=None, which browsers
        # accept only on Secure cookies; Partitioned keeps it in Safari and Chromium.
        SESSION_COOKIE_SAMESITE="None" if secure else "Lax",
        SESSION_COOKIE_PARTITIONED=bool(secure),
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session it is bound to
    )
    if is_redis_url(app.config["RATELIMIT_STORAGE_URI"]):
        # Share the process's pool (and its timeouts) instead of a second one per limiter.
        limiter_redis = connect(app.config["RATELIMIT_STORAGE_URI"],
                                app.config["CHATBOT_REDIS_TIMEOUT"])
        app.config.setdefault("RATELIMIT_STORAGE_OPTIONS",
                              {"connection_pool": limiter_redis.connection_pool})
    if app.config["SESSION_TYPE"] == "redis":
        app.config["SESSION_REDIS"] = connect(app.config["CHATBOT_REDIS_URL"],
                                              app.config["CHATBOT_REDIS_TIMEOUT"])
    else:
        from cachelib.file import FileSystemCache

        app.config["SESSION_TYPE"] = "cachelib"
        app.config["SESSION_CACHELIB"] = FileSystemCache(
            str(data_dir / "sessions"), threshold=0,
            default_timeout=app.config["PERMANENT_SESSION_LIFETIME"],
        )


def _init_extensions(app: Flask) -> None:
    server_session.init_app(app)
    sessions.init_app(app)
    csrf.init_app(app)
    limits.init_app(app)
    if app.config["CHATBOT_PROXY_COUNT"]:
        count = app.config["CHATBOT_PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)  # type: ignore[method-assign]


def _cache(app: Flask) -> Any:
    """A cache shared by every worker and instance: Redis when configured, else files."""
    if "redis" in (app.config["SESSION_TYPE"], app.config["CHATBOT_STORE"]):
        from cachelib.redis import RedisCache

        client = connect(app.config["CHATBOT_REDIS_URL"], app.config["CHATBOT_REDIS_TIMEOUT"])
        return RedisCache(client, key_prefix="chatbot:")
    from cachelib.file import FileSystemCache

    return FileSystemCache(str(Path(app.config["CHATBOT_DATA_DIR"]) / "cache"), threshold=2000)
