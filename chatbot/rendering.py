"""Model text to safe HTML: Markdown with raw HTML off, then an allowlist sanitiser."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markupsafe import Markup, escape

_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "code", "pre", "ul", "ol", "li", "blockquote",
    "hr", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td", "del",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"},
                       "td": {"align"}}


def _image_as_text(renderer: RendererHTML, tokens: list[Token], index: int, options: Any,
                   env: Any) -> str:
    """Show an image's alt text instead: loading it could leak data through its URL."""
    alt = renderer.renderInlineAsText(tokens[index].children or [], options, env)
    return f"[image: {escape(alt)}]" if alt else "[image]"


def _heading_demoted(renderer: RendererHTML, tokens: list[Token], index: int, options: Any,
                     env: Any) -> str:
    """Render h1/h2 as h3: a reply bubble sits below the page's own headings."""
    token = tokens[index]
    if token.tag in ("h1", "h2"):
        token.tag = "h3"
    return renderer.renderToken(tokens, index, options, env)


def _build_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    parser.add_render_rule("image", _image_as_text)
    parser.add_render_rule("heading_open", _heading_demoted)
    parser.add_render_rule("heading_close", _heading_demoted)
    return parser


_PARSER = _build_parser()


@lru_cache(maxsize=2048)
def render_markdown(text: str) -> Markup:
    """Render untrusted Markdown to HTML that is safe to insert in the page."""
    html = _PARSER.render(text)
    cleaned = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
        set_tag_attribute_values={"a": {"target": "_blank"}},
        strip_comments=True,
    )
    return Markup(cleaned)
