"""Property-based fuzzing of every route in the app's URL map (routes added later included).

Properties: no 5xx (except a documented 503); a refused request (4xx) stores nothing; the
session and the store are never corrupted (the page still renders, the transcript parses).
"""

from __future__ import annotations

import json
from contextlib import closing
from typing import Any
from urllib.parse import quote

from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from werkzeug.routing import Rule

from chatbot.openapi import description

from helpers import csrf_token, documented, html

FUZZ = settings(max_examples=80, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND"]
FIELDS = ["message", "session_id", "stream", "name", "visitor_type", "page", "reply_id",
          "csrf_token", "email", "token"]
CONTENT_TYPES = [None, "application/json", "application/json; charset=utf-16",
                 "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
                 "text/plain", "text/event-stream", "application/octet-stream", "*/*", "json"]
ENCODINGS = ["utf-8", "utf-16", "latin-1", "utf-32"]

# Header and cookie values a WSGI client can carry: latin-1, no line breaks.
header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF,
                                    exclude_characters="\x7f"), max_size=80)
session_ids = st.one_of(
    st.uuids().map(str),
    st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_",
            min_size=14, max_size=130),
    header_text,
    st.none(), st.integers(), st.booleans(),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=300), session_ids)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=10), inner, max_size=3),
                           max_leaves=8)


def encode(text: str, encoding: str) -> bytes:
    """`text` in `encoding`; lone surrogates kept where the codec can carry them."""
    return text.encode(encoding, "replace" if encoding == "latin-1" else "surrogatepass")


def store_counts(app: Flask) -> tuple[int, ...]:
    """Rows in each table of the SQLite store."""
    store = app.extensions["chatbot"].store
    with closing(store._connect()) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return tuple(connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                     for t in tables)


def path_for(rule: Rule, values: dict[str, str]) -> str:
    """A concrete path for `rule`, each variable part replaced by a fuzzed (quoted) value."""
    path = rule.rule
    for name in rule.arguments:
        path = path.replace(f"<{name}>", quote(values[name], safe=""))
        for converter in ("path", "string", "int", "float", "uuid", "any"):
            path = path.replace(f"<{converter}:{name}>", quote(values[name], safe="/"))
    return path


def often(draw: Any) -> bool:
    """True four times in five: steers the fuzzer to requests that get past the checks."""
    return bool(draw(st.integers(0, 4)) > 0)


@st.composite
def bodies(draw: Any, token: str) -> tuple[bytes | dict[str, Any] | None, str | None]:
    """A request body (raw bytes or form fields) and the content type it is sent with."""
    kind = draw(st.sampled_from(["none", "json", "json", "form", "form", "bytes", "text",
                                 "big"]))
    content_type = draw(st.sampled_from(CONTENT_TYPES))
    if kind == "json":
        fields = draw(st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=5))
        if often(draw):
            fields["message"] = draw(st.text(min_size=1, max_size=400))
        value = fields if often(draw) else draw(json_values)
        encoding = "utf-8" if often(draw) else draw(st.sampled_from(ENCODINGS))
        if often(draw):
            content_type = "application/json"
        return encode(json.dumps(value, ensure_ascii=draw(st.booleans())), encoding), \
            content_type
    if kind == "form":
        fields = draw(st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=300),
                                      max_size=5))
        if often(draw):
            fields["message"] = draw(st.text(max_size=400))
            fields["csrf_token"] = token
        if draw(st.booleans()):
            fields["reply_id"] = str(draw(st.integers(-5, 10**20)))
        return fields, None
    if kind == "bytes":
        return draw(st.binary(max_size=2000)), content_type
    if kind == "text":
        text = draw(st.text(max_size=2000))
        return encode(text, draw(st.sampled_from(ENCODINGS))), content_type
    if kind == "big":
        return b"x" * draw(st.integers(60_000, 90_000)), content_type
    return None, content_type


@st.composite
def headers(draw: Any, signed_token: str) -> dict[str, str]:
    """Any mix of the headers the app reads, with fuzzed values."""
    pool = {
        "HX-Request": st.sampled_from(["true", "false", ""]) | header_text,
        "Accept": st.sampled_from(["text/event-stream", "text/html, text/event-stream",
                                   "application/json", "*/*"]) | header_text,
        "X-Chat-Session": st.sampled_from([signed_token, signed_token[:-2] + "xx"])
        | header_text,
        "Origin": st.sampled_from(["https://evil.example", "null"]) | header_text,
        "Sec-Fetch-Site": st.sampled_from(["cross-site", "same-origin", "none"]) | header_text,
        "X-Forwarded-For": header_text,
        "Content-Encoding": st.sampled_from(["gzip", "br"]) | header_text,
        "Accept-Charset": header_text,
        "Referer": header_text,
    }
    chosen = draw(st.lists(st.sampled_from(sorted(pool)), unique=True, max_size=5))
    return {name: draw(pool[name]) for name in chosen}


def send(client: FlaskClient, data: Any, rule: Rule, token: str, signed: str) -> Any:
    """Draw one request against `rule` and send it; return the response, body read."""
    own = sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}) or ["GET"]
    method = data.draw(st.sampled_from(own if often(data.draw) else METHODS))
    values = {name: data.draw(st.text(max_size=60) | session_ids.map(str))
              for name in rule.arguments}
    body, content_type = data.draw(bodies(token))
    extra = data.draw(headers(signed))
    if not often(data.draw):
        client.set_cookie("chatbot_session", data.draw(header_text.filter(
            lambda v: ";" not in v and "," not in v and '"' not in v and "\\" not in v)))
    query = data.draw(st.dictionaries(st.sampled_from(["theme", "accent", "page", "x"]),
                                      st.text(max_size=20), max_size=2))
    response = client.open(path_for(rule, values), method=method, data=body,
                           content_type=content_type, headers=extra, query_string=query)
    response.get_data()  # a stream runs (and may fail) only as it is read
    response.close()  # what a WSGI server does: closes a file being sent, say
    return response


def allowed_503(app: Flask, response: Any, path: str, method: str) -> bool:
    """503 is an answer only where the description documents it."""
    document = description(app.config["CHATBOT_MAX_MESSAGE_CHARS"])
    return (path, method.lower()) in documented(document) and "503" in \
        document["paths"][path][method.lower()]["responses"]


def assert_intact(app: Flask, client: FlaskClient) -> None:
    """The visitor's session and the store still work: the page renders and parses."""
    page = client.get("/chat")
    assert page.status_code == 200, page.status_code
    assert html(page).select_one("#log") is not None
    store = app.extensions["chatbot"].store
    for conversation in store.conversations(limit=50):
        store.messages(conversation.id)
    store.messages("web-" + "x" * 32)


def fuzz_once(app: Flask, client: FlaskClient, data: Any, token: str, signed: str) -> None:
    """One fuzzed request and the properties it must keep."""
    rules = sorted(app.url_map.iter_rules(), key=lambda r: r.rule)
    rule = data.draw(st.sampled_from(rules))
    before = store_counts(app)
    response = send(client, data, rule, token, signed)
    status = response.status_code
    event(f"{response.request.method} {rule.rule} -> {status}")
    assert status < 500 or (status == 503 and allowed_503(app, response, rule.rule,
                                                          response.request.method)), \
        (rule.rule, status, response.get_data()[:300])
    if status >= 400:
        assert store_counts(app) == before, (rule.rule, status)
    assert_intact(app, client)


@FUZZ
@given(data=st.data())
def test_no_route_fails_on_anything(app: Flask, data: Any) -> None:
    client = app.test_client()
    token = csrf_token(client)
    signed = html(client.get("/chat/widget")).select_one("#chat")["data-session"]
    fuzz_once(app, client, data, token, str(signed))


@FUZZ
@given(data=st.data())
def test_no_route_fails_on_anything_with_the_model_engine(openai_app: Flask,
                                                          data: Any) -> None:
    client = openai_app.test_client()
    token = csrf_token(client)
    signed = html(client.get("/chat/widget")).select_one("#chat")["data-session"]
    fuzz_once(openai_app, client, data, token, str(signed))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(message=st.text(max_size=400), page=st.sampled_from(["chat", "widget", "x"]),
       htmx=st.sampled_from([{}, {"HX-Request": "true"},
                             {"HX-Request": "true", "Accept": "text/event-stream"}]))
def test_any_message_text_is_answered_and_kept(app: Flask, message: str, page: str,
                                               htmx: dict[str, str]) -> None:
    client = app.test_client()
    before = store_counts(app)
    response = client.post("/chat/messages", headers=htmx, data={
        "message": message, "page": page, "csrf_token": csrf_token(client)})
    response.get_data()
    response.close()
    assert response.status_code in (200, 303, 400)
    if response.status_code == 400:
        assert store_counts(app) == before
    assert_intact(app, client)
