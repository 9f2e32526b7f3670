"""Strict-Transport-Security only when the app is really served over HTTPS."""

from __future__ import annotations

from typing import Any


def test_hsts_over_https_only(client: Any) -> None:
    assert "Strict-Transport-Security" not in client.get("/chat").headers
    secure = client.get("/chat", base_url="https://chat.example")
    assert secure.headers["Strict-Transport-Security"] == "max-age=63072000"


def test_behind_a_proxy_its_scheme_decides(make_app: Any) -> None:
    client = make_app(CHATBOT_PROXY_COUNT=1).test_client()
    https = client.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert "max-age=" in https.headers["Strict-Transport-Security"]
    assert "Strict-Transport-Security" not in client.get(
        "/healthz", headers={"X-Forwarded-Proto": "http"}).headers


def test_a_forged_scheme_is_ignored_without_a_trusted_proxy(client: Any) -> None:
    forged = client.get("/chat", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in forged.headers
