"""The OpenAPI description stays true: every API route is in it, and real answers match it."""

from __future__ import annotations

import json
import uuid
from typing import Any

import jsonschema_rs
import pytest
from flask import Flask
from flask.testing import FlaskClient

from helpers import documented, routes, sse_data


def spec(client: FlaskClient) -> dict[str, Any]:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.get_json()  # type: ignore[no-any-return]


def validator(document: dict[str, Any], name: str) -> Any:
    """A validator for one of the description's component schemas."""
    return jsonschema_rs.Draft202012Validator(
        {"$ref": f"#/components/schemas/{name}", "components": document["components"]})


def test_every_api_route_is_described(app: Flask, client: FlaskClient) -> None:
    missing = routes(app) - documented(spec(client))
    assert not missing, f"routes missing from chatbot/data/openapi.json: {sorted(missing)}"


def test_everything_described_is_served(app: Flask, client: FlaskClient) -> None:
    unserved = documented(spec(client)) - routes(app)
    if unserved:  # tightens by itself once the other branches land
        pytest.skip(f"described, not implemented in this branch yet: {sorted(unserved)}")


def test_the_message_limit_is_the_servers(make_app: Any) -> None:
    client = make_app(CHATBOT_MAX_MESSAGE_CHARS=500).test_client()
    message = spec(client)["components"]["schemas"]["ChatRequest"]["properties"]["message"]
    assert message["maxLength"] == 500
    assert client.post("/api/chatbot", json={"message": "x" * 501}).status_code == 400
    assert client.post("/api/chatbot", json={"message": "x" * 500}).status_code == 200


@pytest.mark.parametrize("body", [
    {"message": "Where is she based?"},
    {"message": "Hi", "session_id": None, "name": None, "visitor_type": None},
    {"message": "Hi", "session_id": str(uuid.uuid4()), "name": "Sam", "visitor_type": "recruiter"},
    {"message": "Hi", "visitor_type": "other", "stream": False},
])
def test_replies_match_the_description(client: FlaskClient, body: dict[str, Any]) -> None:
    document = spec(client)
    response = client.post("/api/chatbot", json=body)
    assert response.status_code == 200
    validator(document, "ChatReply").validate(response.get_json())
    request_validator = validator(document, "ChatRequest")
    request_validator.validate(body)


def test_a_fallback_reply_matches_the_description(openai_app: Flask, fake_openai: Any) -> None:
    fake_openai.fail_next("auth")
    client = openai_app.test_client()
    body = client.post("/api/chatbot", json={"message": "Hi"}).get_json()
    assert (body["fallback"], body["fault"]) == (True, "auth")
    validator(spec(client), "ChatReply").validate(body)


def test_streamed_events_match_the_description(client: FlaskClient) -> None:
    document = spec(client)
    response = client.post("/api/chatbot", json={"message": "What does she build?",
                                                 "stream": True})
    events = [{"event": chunk.split("\n", 1)[0].removeprefix("event: "), "data": data}
              for chunk, data in zip(response.get_data(as_text=True).split("\n\n"),
                                     sse_data(response.get_data(as_text=True)), strict=False)]
    assert events and events[-1]["event"] == "done"
    for event in events:
        validator(document, "ChatEvent").validate(event)
    validator(document, "ChatReply").validate(json.loads(events[-1]["data"]))


@pytest.mark.parametrize("kwargs, status", [
    ({"json": {"message": ""}}, 400),
    ({"json": {"message": "hi", "session_id": "short"}}, 400),
    ({"json": {"message": "hi", "name": "x" * 61}}, 400),
    ({"json": {"message": "hi", "visitor_type": "ceo"}}, 400),
    ({"data": "message=hi"}, 415),
    ({"data": "[" * 70_000, "content_type": "application/json"}, 413),
])
def test_errors_match_the_description(client: FlaskClient, kwargs: dict[str, Any],
                                      status: int) -> None:
    document = spec(client)
    response = client.post("/api/chatbot", **kwargs)
    assert response.status_code == status
    operation = document["paths"]["/api/chatbot"]["post"]
    assert str(status) in operation["responses"]
    validator(document, "Error").validate(response.get_json())


def test_the_health_check_matches_the_description(client: FlaskClient) -> None:
    health = spec(client)["paths"]["/healthz"]["get"]["responses"]["200"]
    schema = health["content"]["application/json"]["schema"]
    jsonschema_rs.Draft202012Validator(schema).validate(client.get("/healthz").get_json())


def test_null_session_id_starts_a_conversation_like_an_absent_one(client: FlaskClient) -> None:
    body = client.post("/api/chatbot", json={"message": "Hi", "session_id": None}).get_json()
    assert len(body["session_id"]) >= 16


def test_the_api_remembers_who_is_asking(client: FlaskClient) -> None:
    session_id = str(uuid.uuid4())
    first = client.post("/api/chatbot", json={"message": "Hi", "session_id": session_id,
                                              "name": " Sam\u200b ", "visitor_type": "peer"})
    assert first.get_json()["visitor"] == {"name": "Sam", "type": "peer"}
    later = client.post("/api/chatbot", json={"message": "And her skills?",
                                              "session_id": session_id})
    assert later.get_json()["visitor"] == {"name": "Sam", "type": "peer"}
    other = client.post("/api/chatbot", json={"message": "Hi", "visitor_type": "other"})
    assert other.get_json()["visitor"] == {"name": None, "type": None}

