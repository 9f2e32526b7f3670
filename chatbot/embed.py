"""The embed: serves /embed.js and turns its options into the widget's theme and colours."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from flask import Response, current_app

from chatbot.assets import Assets

RGB = tuple[int, int, int]

THEMES = ("auto", "light", "dark")
WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
EMBED_MAX_AGE = 3600  # /embed.js has no version in its URL: let fixes reach sites within an hour

_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def parse_hex(value: str) -> RGB | None:
    """The colour of `#rgb` or `#rrggbb`, or None for anything else."""
    if not _HEX.fullmatch(value):
        return None
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(rgb: RGB) -> str:
    """`#rrggbb`, lower case."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance of an sRGB colour."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio of two colours, from 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def accessible_accent(value: str) -> tuple[str, str] | None:
    """The accent and the text colour to put on it; None if `value` is not a colour.

    The text is white or black, whichever contrasts more. Either way the pair reaches at
    least 4.58:1 (the worst case, where both contrast equally), so WCAG AA's 4.5:1 holds
    for every accent and none needs adjusting. static/embed.js makes the same choice.
    """
    accent = parse_hex(value)
    if accent is None:
        return None
    # The same test as embed.js: above this luminance black contrasts more than white.
    text = BLACK if luminance(accent) > 0.179 else WHITE
    return to_hex(accent), to_hex(text)


@dataclass(frozen=True)
class WidgetStyle:
    """How the embedding page asked the widget to look."""

    theme: str = "auto"
    accent: str | None = None
    on_accent: str | None = None

    def attributes(self) -> dict[str, str]:
        """The data- attributes for the widget's <html> element (chat.js applies them)."""
        attrs = {}
        if self.theme != "auto":
            attrs["data-theme"] = self.theme
        if self.accent and self.on_accent:
            attrs["data-accent"] = self.accent
            attrs["data-on-accent"] = self.on_accent
        return attrs


def widget_style(args: Mapping[str, str]) -> WidgetStyle:
    """Read `theme` and `accent` from the widget URL's query; ignore what is not valid."""
    theme = args.get("theme", "auto")
    pair = accessible_accent(args.get("accent", ""))
    return WidgetStyle(
        theme=theme if theme in THEMES else "auto",
        accent=pair[0] if pair else None,
        on_accent=pair[1] if pair else None,
    )


def script_response() -> Response:
    """The loader that portfolio sites include with a <script> tag."""
    assets: Assets = current_app.extensions["assets"]
    asset = assets.get("embed.js")
    assert asset is not None  # shipped with the app
    response = assets.response(asset, max_age=EMBED_MAX_AGE)
    # Lets a site load it with crossorigin + integrity (SRI); the script holds no secrets.
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
