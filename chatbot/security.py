"""Response headers that keep the chat safe to embed: CSP, framing, sniffing, referrers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from flask import Flask, Response, abort, g, request

# Two years, the figure browsers' preload lists ask for. Not includeSubDomains: the app
# cannot know whether the owner's other subdomains all speak HTTPS.
HSTS = "max-age=63072000"
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:\d{1,5})?")
# JSON endpoints meant for other sites' pages: no cookie session, so a cross-site post is fine.
_CROSS_SITE_ENDPOINTS = frozenset({"chat.api_chatbot", "contact.api_contact"})


def parse_origins(raw: str) -> tuple[str, ...]:
    """Origins from a space- or comma-separated list; raise ValueError on a bad one."""
    origins = []
    for item in re.split(r"[\s,]+", raw.strip()):
        if not item:
            continue
        origin = item.rstrip("/")
        if not _ORIGIN.fullmatch(origin):
            raise ValueError(f"{item!r} is not an origin like https://me.dev")
        origins.append(origin)
    return tuple(origins)


def content_security_policy(frame_ancestors: Iterable[str], *, framed: bool = True) -> str:
    """A strict policy: our own scripts and styles only, nothing inline or eval'd."""
    ancestors = " ".join(["'self'", *frame_ancestors]) if framed else "'none'"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        f"form-action 'self'; frame-ancestors {ancestors}"
    )


def allow_embedding() -> None:
    """Let the listed sites frame this response (the widget document)."""
    g.embeddable = True


def deny_framing() -> None:
    """Let no site, not even this one, frame this response (the owner's pages)."""
    g.never_framed = True


def allow_listed_origin(response: Response, origins: tuple[str, ...]) -> None:
    """CORS for the JSON API: the listed sites may call it from their own pages."""
    response.vary.add("Origin")
    origin = request.headers.get("Origin", "")
    if origin in origins:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Methods"] = "POST, DELETE"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type"
        response.headers["Access-Control-Max-Age"] = "600"


def init_app(app: Flask, embed_origins: tuple[str, ...]) -> None:
    """Add the headers to every response and refuse cross-site form posts."""
    widget_policy = content_security_policy(embed_origins)
    page_policy = content_security_policy(())
    unframed_policy = content_security_policy((), framed=False)

    @app.before_request
    def refuse_cross_site_posts() -> None:
        # Browsers say where a request comes from; a form post from another site is forged.
        # The JSON API is meant for other sites and carries no cookie, so it is exempt.
        if (request.method == "POST" and request.endpoint not in _CROSS_SITE_ENDPOINTS
                and request.headers.get("Sec-Fetch-Site") == "cross-site"):
            abort(403, "Cross-site form posts are not accepted.")

    @app.after_request
    def add_security_headers(response: Response) -> Response:
        is_widget = g.get("embeddable", False)  # set by views that render the widget
        never_framed = g.get("never_framed", False)  # set by the owner's pages
        response.headers["Content-Security-Policy"] = (
            unframed_policy if never_framed else widget_policy if is_widget else page_policy)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if never_framed:
            response.headers["X-Frame-Options"] = "DENY"
        elif not is_widget:
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        if request.path.startswith("/api/"):
            allow_listed_origin(response, embed_origins)
        if request.is_secure:  # behind a proxy, ProxyFix(x_proto) makes this honest
            response.headers["Strict-Transport-Security"] = HSTS
        return response
