"""A minimal reference of the original design, for `bench/versus.py` to measure beside the app.

FastAPI served by uvicorn; the history lives in a dict inside the process, keyed by a
session cookie; the model is called with `httpx2.AsyncClient` (the same library the openai
SDK runs on) and its reply relayed to the visitor as server-sent events. It is what the
app replaced, written the idiomatic way and not slowed on purpose: no CSRF, no durable
store, no Markdown, no sessions beyond a random cookie. Run by the benchmark as

    REFERENCE_MODEL_URL=http://127.0.0.1:PORT/v1 REFERENCE_SYSTEM_PROMPT=FILE \\
        uvicorn --workers 2 --app-dir bench reference_app:app

With two workers each keeps its own dict: a visitor whose turns land on different workers
loses their history (the design's flaw the issue names). The benchmark keeps each visitor on
one keep-alive connection, so that does not show in its figures.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import escape
from pathlib import Path
from typing import Any

import httpx2
from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, StreamingResponse

MODEL_URL = os.environ.get("REFERENCE_MODEL_URL", "http://127.0.0.1:8911/v1")
SYSTEM_PROMPT = (Path(os.environ["REFERENCE_SYSTEM_PROMPT"]).read_text()
                 if os.environ.get("REFERENCE_SYSTEM_PROMPT") else "You are a helpful assistant.")
COOKIE = "sid"
HISTORY_MESSAGES = 40

history: dict[str, list[dict[str, str]]] = {}

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chat</title>
<script src="/static/htmx.min.js"></script><script src="/static/hx-sse.js"></script></head>
<body><main><h1>Ask about my work</h1>
<ol id="log" role="log">{log}</ol>
<form hx-post="/chat/messages" hx-target="#log" hx-swap="beforeend" method="post"
      action="/chat/messages">
<label for="message">Your question</label>
<textarea id="message" name="message" required maxlength="2000"></textarea>
<button type="submit">Send</button></form></main></body></html>
"""


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The openai SDK's own pool limits (1000 connections, 100 kept alive), so that neither
    # side queues on its pool at 500 streams.
    limits = httpx2.Limits(max_connections=1000, max_keepalive_connections=100)
    async with httpx2.AsyncClient(base_url=MODEL_URL, limits=limits,
                                  timeout=httpx2.Timeout(30, connect=5),
                                  headers={"Authorization": "Bearer bench"}) as client:
        app.state.client = client
        yield


app = FastAPI(lifespan=lifespan)


def message_html(role: str, text: str) -> str:
    kind = "visitor" if role == "user" else "assistant reply"
    return f'<li class="msg {kind}"><p class="text">{escape(text)}</p></li>'


def partial(target: str, swap: str, html: str) -> str:
    return f'<hx-partial hx-target="{target}" hx-swap="{swap}">{html}</hx-partial>'


@app.get("/chat", response_class=HTMLResponse)
async def chat_page(request: Request) -> HTMLResponse:
    sid = request.cookies.get(COOKIE)
    if sid not in history:
        sid = secrets.token_urlsafe(32)
        history[sid] = []
    log = "".join(message_html(m["role"], m["content"]) for m in history[sid])
    response = HTMLResponse(PAGE.format(log=log))
    response.set_cookie(COOKIE, sid, httponly=True, samesite="lax")
    return response


async def model_tokens(client: httpx2.AsyncClient, messages: list[dict[str, str]]
                       ) -> AsyncIterator[str]:
    """The model's reply, token by token, from its server-sent events."""
    body = {"model": "gpt-4.1-mini", "messages": messages, "max_tokens": 500,
            "temperature": 0.3, "stream": True}
    async with client.stream("POST", "/chat/completions", json=body) as response:
        response.raise_for_status()
        async for line in response.aiter_lines():
            if not line.startswith("data: "):
                continue
            data = line[6:]
            if data == "[DONE]":
                break
            choices: list[Any] = json.loads(data).get("choices") or []
            text = (choices[0].get("delta") or {}).get("content") if choices else None
            if text:
                yield text


@app.post("/chat/messages")
async def post_message(request: Request, message: str = Form(...)) -> Any:
    sid = request.cookies.get(COOKIE, "")
    turns = history.setdefault(sid, [])
    turns.append({"role": "user", "content": message})
    messages = [{"role": "system", "content": SYSTEM_PROMPT}, *turns[-HISTORY_MESSAGES:]]
    client: httpx2.AsyncClient = request.app.state.client

    if "text/event-stream" not in request.headers.get("accept", ""):
        parts = [text async for text in model_tokens(client, messages)]
        reply = "".join(parts)
        turns.append({"role": "assistant", "content": reply})
        return HTMLResponse(message_html("user", message) + message_html("assistant", reply))

    async def events() -> AsyncIterator[str]:
        slot = "pending-" + secrets.token_hex(6)
        opening = (message_html("user", message)
                   + f'<li id="{slot}" class="msg assistant pending" aria-busy="true">'
                   f'<p id="{slot}-text"></p></li>')
        yield f"data: {opening}\n\n"
        parts: list[str] = []
        async for text in model_tokens(client, messages):
            parts.append(text)
            token = partial(f"#{slot}-text", "beforeend", f"<span>{escape(text)}</span>")
            yield f"data: {token}\n\n"
        reply = "".join(parts)
        turns.append({"role": "assistant", "content": reply})
        yield f"data: {partial(f'#{slot}', 'outerHTML', message_html('assistant', reply))}\n\n"

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}
