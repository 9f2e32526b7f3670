"""Two app instances on one Redis, behind Caddy and directly: one conversation between them.

Each instance has its own data dir, so nothing can be shared through files: only REDIS_URL
joins them, as on two machines.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import httpx2 as httpx
import pytest
from bs4 import BeautifulSoup

from fake_openai import FakeOpenAI
from redis_server import RedisServer
from servers import AppInstance, Caddy, running

pytestmark = [pytest.mark.redis, pytest.mark.slow]


@dataclass
class Deployment:
    """Two instances, the proxy in front of them, and their Redis."""

    a: AppInstance
    b: AppInstance
    proxy: Caddy
    redis: RedisServer


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory,
               fake_openai_server: FakeOpenAI) -> Iterator[Deployment]:
    root = tmp_path_factory.mktemp("two-instances")
    (root / "redis").mkdir()
    redis = RedisServer(root / "redis")
    env = {"REDIS_URL": redis.url, "SECRET_KEY": "one-key-for-every-instance-" + "x" * 20,
           "CHATBOT_ENGINE": "openai", "OPENAI_BASE_URL": fake_openai_server.base_url,
           "OPENAI_API_KEY": "sk-test", "CHATBOT_PROXY_COUNT": "1",
           "CHATBOT_RATE_LIMIT": "1000 per minute", "CHATBOT_SESSION_RATE_LIMIT":
           "12 per minute", "CHATBOT_LOG_MESSAGES": "false"}
    a = AppInstance(root / "a", env)
    b = AppInstance(root / "b", env)
    proxy = Caddy(root / "caddy", [a.url, b.url])
    with running(redis, a, b, proxy):
        yield Deployment(a, b, proxy, redis)


@pytest.fixture
def stack() -> Iterator[ExitStack]:
    """Closes what a test opens (HTTP clients)."""
    with ExitStack() as opened:
        yield opened


def token(page: httpx.Response) -> str:
    field = BeautifulSoup(page.text, "html.parser").select_one("input[name=csrf_token]")
    assert field is not None, page.text[:500]
    return str(field["value"])


def transcript(page: httpx.Response) -> list[str]:
    soup = BeautifulSoup(page.text, "html.parser")
    return [li.select_one(".text").get_text(" ", strip=True)
            for li in soup.select("#log > li.msg.visitor")]


def test_a_conversation_through_the_pages_alternates_between_instances(
    deployment: Deployment, fake_openai: FakeOpenAI, stack: ExitStack,
) -> None:
    fake_openai.reply = "A grounded answer."
    clients = [stack.enter_context(httpx.Client(base_url=url, timeout=20))
               for url in (deployment.proxy.url, deployment.a.url, deployment.b.url)]
    first = clients[0].get("/chat")
    assert first.status_code == 200
    for client in clients[1:]:  # one browser: the same cookie, whichever server answers
        client.cookies.set("chatbot_session", clients[0].cookies["chatbot_session"])
    csrf = token(first)
    response = clients[1].post("/chat/visitor", data={
        "name": "Noor", "type": "hiring_manager", "csrf_token": csrf, "page": "chat"})
    assert response.status_code == 303, response.text[:300]
    questions = [f"Question {n} about her projects?" for n in range(6)]
    for n, question in enumerate(questions):
        client = clients[n % 3]  # the proxy, then each instance directly
        response = client.post("/chat/messages", data={
            "message": question, "csrf_token": csrf, "page": "chat"})
        assert response.status_code == 303, (n, response.status_code, response.text[:300])
    for client in clients:
        page = client.get("/chat")
        assert transcript(page) == questions
        intro = BeautifulSoup(page.text, "html.parser").select_one("#intro")
        assert "Nice to meet you, Noor." in intro.get_text()
        pressed = intro.select_one("button[name=type][aria-pressed=true]")
        assert pressed is not None and pressed["value"] == "hiring_manager"


def test_an_api_session_alternates_between_instances(deployment: Deployment,
                                                     fake_openai: FakeOpenAI) -> None:
    session_id = "two-instance-api-session-0001"
    urls = [deployment.a.url, deployment.b.url, deployment.proxy.url]
    first = httpx.post(f"{urls[0]}/api/chatbot", json={
        "session_id": session_id, "message": "Hello", "name": "Kai", "visitor_type": "peer"})
    assert first.status_code == 200
    for n in range(1, 5):
        reply = httpx.post(f"{urls[n % 3]}/api/chatbot", json={
            "session_id": session_id, "message": f"Follow-up {n}"}, timeout=20)
        assert reply.status_code == 200
        assert reply.json()["visitor"] == {"name": "Kai", "type": "peer"}
    sent = fake_openai.requests[-1].json["messages"]
    said = [m["content"] for m in sent if m["role"] == "user"]
    assert said == ["Hello", "Follow-up 1", "Follow-up 2", "Follow-up 3", "Follow-up 4"]


def test_the_per_conversation_limit_is_shared(deployment: Deployment) -> None:
    session_id = "two-instance-limit-session-01"
    statuses = []
    for n in range(14):
        url = (deployment.a.url, deployment.b.url)[n % 2]
        reply = httpx.post(f"{url}/api/chatbot", json={"session_id": session_id,
                                                       "message": f"m{n}"}, timeout=20)
        statuses.append(reply.status_code)
    assert statuses[:12] == [200] * 12
    assert statuses[12:] == [429, 429]


def test_the_starter_cache_is_shared(deployment: Deployment, fake_openai: FakeOpenAI) -> None:
    fake_openai.reply = "Cached starter answer."
    starter = _starter(deployment.a.url)
    before = len(fake_openai.requests)
    one = httpx.post(f"{deployment.a.url}/api/chatbot", json={"message": starter}, timeout=20)
    two = httpx.post(f"{deployment.b.url}/api/chatbot", json={"message": starter}, timeout=20)
    assert one.json()["reply"] == two.json()["reply"] == "Cached starter answer."
    assert len(fake_openai.requests) == before + 1  # the second instance asked nobody


def _starter(url: str) -> str:
    soup = BeautifulSoup(httpx.get(f"{url}/chat").text, "html.parser")
    button = soup.select_one("form#suggestions button[name=message]")
    assert button is not None
    return str(button["value"])


def test_the_proxy_passes_the_client_address_and_streams_unbuffered(
    deployment: Deployment, fake_openai: FakeOpenAI,
) -> None:
    fake_openai.reply = " ".join(f"w{n}" for n in range(30))
    fake_openai.tokens_per_second = 20
    with httpx.stream("POST", f"{deployment.proxy.url}/api/chatbot", timeout=20,
                      json={"message": "Stream please", "stream": True}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        arrivals = 0
        for chunk in response.iter_raw():
            if b"event: delta" in chunk:
                arrivals += 1
    assert arrivals > 5  # pieces arrived one by one, not as one buffered body
