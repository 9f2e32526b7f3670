"""Our own scripts and stylesheets, served minified: the sources stay readable, with their
comments, while a visitor downloads about a third less (rjsmin and rcssmin, both C)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rcssmin
import rjsmin
from flask import Flask, Response, request

_MINIFIERS: dict[str, tuple[Callable[[str], str], str]] = {
    ".js": (rjsmin.jsmin, "text/javascript"),
    ".css": (rcssmin.cssmin, "text/css"),
}


@dataclass(frozen=True)
class Asset:
    """One minified file, with what conditional requests need."""

    body: bytes
    mimetype: str
    etag: str
    mtime: float


class Assets:
    """Minifies each of our .js and .css files once (again when the file changes)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._cache: dict[str, Asset] = {}

    def get(self, filename: str) -> Asset | None:
        """The minified file, or None when it is not one of ours to minify."""
        if "\x00" in filename:  # no file has one; resolving it raises
            return None
        path = (self.folder / filename).resolve()
        kind = _MINIFIERS.get(path.suffix)
        if (kind is None or ".min." in path.name or not path.is_file()
                or not path.is_relative_to(self.folder.resolve())):
            return None
        mtime = path.stat().st_mtime
        cached = self._cache.get(filename)
        if cached is None or cached.mtime != mtime:
            minify, mimetype = kind
            body = minify(path.read_text(encoding="utf-8")).encode("utf-8")
            cached = Asset(body, mimetype, hashlib.sha256(body).hexdigest()[:20], mtime)
            self._cache[filename] = cached
        return cached

    def response(self, asset: Asset, max_age: int | None = None) -> Response:
        """The asset as a response that honours If-None-Match."""
        response = Response(asset.body, mimetype=asset.mimetype)
        response.set_etag(asset.etag)
        response.cache_control.no_cache = max_age is None or None  # revalidate by ETag
        if max_age is not None:
            response.cache_control.max_age = max_age
            response.cache_control.public = True
        response.make_conditional(request)  # turns it into a 304 when the ETag matches
        return response


def init_app(app: Flask) -> Assets:
    """Serve minified copies through the `static` endpoint; other files as before."""
    assets = Assets(Path(app.static_folder or "static"))
    serve_file = app.view_functions["static"]

    def static(filename: str) -> Any:
        asset = assets.get(filename)
        return assets.response(asset) if asset else serve_file(filename=filename)

    app.view_functions["static"] = static
    app.extensions["assets"] = assets
    return assets
