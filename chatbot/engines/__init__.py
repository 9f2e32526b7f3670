"""Reply engines: pick one by configuration (backends import lazily)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chatbot.engines.base import Engine
from chatbot.profile import Profile


def engine_name(config: Mapping[str, Any]) -> str:
    """Which engine the settings choose: `auto` means OpenAI when a key is set."""
    choice = str(config["CHATBOT_ENGINE"])
    if choice == "auto":
        return "openai" if config.get("OPENAI_API_KEY") else "offline"
    return choice


def make_engine(config: Mapping[str, Any], profile: Profile) -> Engine:
    """Build the engine the settings choose."""
    if engine_name(config) == "openai":
        from chatbot.engines.openai_compatible import OpenAIEngine

        return OpenAIEngine.from_config(config, profile)
    from chatbot.engines.offline import OfflineEngine

    return OfflineEngine(profile)
