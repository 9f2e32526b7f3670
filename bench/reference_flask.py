"""The original design on this product's fixed stack: the floor under the app's CPU per turn.

`bench/reference_app.py` is the original design written the FastAPI way. This is the same
design (history in a dict keyed by a random cookie, no CSRF, store, Markdown, templates,
logs or metrics) on the stack the product must use: Flask under gunicorn's gevent worker,
the model called through the openai SDK with the app's own client (its gevent transport,
`client.post`, the events one read brings passed on as one). Whatever the app does per
turn costs at least this, so `bench/versus.py --variant` measures it beside both to show
how much of the gap to the FastAPI reference is the stack and how much the app's own work.

    REFERENCE_MODEL_URL=http://127.0.0.1:PORT/v1 REFERENCE_SYSTEM_PROMPT=FILE \\
        gunicorn --chdir bench --worker-class gevent --workers 2 reference_flask:app
"""

from __future__ import annotations

import json
import secrets
import sys
from collections.abc import Iterator
from html import escape
from pathlib import Path

import openai
from flask import Flask, Response, request

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from reference_app import (  # noqa: E402  # the same page, markup and settings
    COOKIE,
    HISTORY_MESSAGES,
    MODEL_URL,
    PAGE,
    SYSTEM_PROMPT,
    message_html,
    partial,
)

from chatbot.engines.gevent_transport import GeventTransport  # noqa: E402
from chatbot.engines.openai_compatible import delta_text, sse_batches  # noqa: E402

app = Flask(__name__)
history: dict[str, list[dict[str, str]]] = {}
client = openai.OpenAI(api_key="bench", base_url=MODEL_URL, max_retries=0, timeout=30,
                       http_client=openai.DefaultHttpxClient(transport=GeventTransport()))


@app.get("/chat")
def chat_page() -> Response:
    sid = request.cookies.get(COOKIE, "")
    if sid not in history:
        sid = secrets.token_urlsafe(32)
        history[sid] = []
    log = "".join(message_html(m["role"], m["content"]) for m in history[sid])
    response = Response(PAGE.format(log=log), mimetype="text/html")
    response.set_cookie(COOKIE, sid, httponly=True, samesite="Lax")
    return response


def model_reads(messages: list[dict[str, str]]) -> Iterator[str]:
    """The model's reply, as the text each read from it brought."""
    stream = client.post("/chat/completions", cast_to=object, stream=True,
                         stream_cls=openai.Stream[object],
                         body={"model": "gpt-4.1-mini", "messages": messages, "max_tokens": 500,
                               "temperature": 0.3, "stream": True})
    try:
        chunks = stream.response.iter_bytes()
        for batch in sse_batches(chunks):
            texts = [delta_text(json.loads(data), stream.response.request) or ""
                     for data in batch if not data.startswith(b"[DONE]")]
            if any(texts):
                yield "".join(texts)
            if any(data.startswith(b"[DONE]") for data in batch):
                for _ in chunks:  # the body's end, so the connection goes back to the pool
                    pass
                break
    finally:
        stream.close()


@app.post("/chat/messages")
def post_message() -> Response:
    message = request.form.get("message", "")
    turns = history.setdefault(request.cookies.get(COOKIE, ""), [])
    turns.append({"role": "user", "content": message})
    messages = [{"role": "system", "content": SYSTEM_PROMPT}, *turns[-HISTORY_MESSAGES:]]

    if "text/event-stream" not in request.headers.get("Accept", ""):
        reply = "".join(model_reads(messages))
        turns.append({"role": "assistant", "content": reply})
        return Response(message_html("user", message) + message_html("assistant", reply),
                        mimetype="text/html")

    def events() -> Iterator[str]:
        slot = "pending-" + secrets.token_hex(6)
        yield (f"data: {message_html('user', message)}<li id=\"{slot}\" class=\"msg assistant "
               f"pending\" aria-busy=\"true\"><p id=\"{slot}-text\"></p></li>\n\n")
        parts: list[str] = []
        for text in model_reads(messages):
            parts.append(text)
            token = partial(f"#{slot}-text", "beforeend", f"<span>{escape(text)}</span>")
            yield f"data: {token}\n\n"
        reply = "".join(parts)
        turns.append({"role": "assistant", "content": reply})
        yield f"data: {partial(f'#{slot}', 'outerHTML', message_html('assistant', reply))}\n\n"

    return Response(events(), mimetype="text/event-stream",
                    headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@app.get("/healthz")
def healthz() -> Response:
    return Response('{"status": "ok"}', mimetype="application/json")
