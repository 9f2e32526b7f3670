"""The chat's routes: pages, the message form, retries, the JSON API and the health check."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from chatbot import embed, state
from chatbot.api import ApiError, parse_api_request
from chatbot.conversation import Finished, fault_sentence
from chatbot.engines.base import Visitor
from chatbot.extensions import csrf, limiter
from chatbot.inputs import InvalidMessage, clean_message, parse_message_id
from chatbot.rendering import render_markdown
from chatbot.security import allow_embedding
from chatbot.sessions import (
    conversation_id,
    current_visitor,
    has_cookie,
    session_token,
    start_conversation,
)
from chatbot.stores import Message
from chatbot.streaming import (
    event_stream,
    finished_message,
    html_events,
    json_events,
    new_slot_id,
    partial,
)

bp = Blueprint("chat", __name__)
bp.add_app_template_filter(render_markdown, "markdown")

PAGES = {"chat": "chat.page", "widget": "chat.widget"}


def message_rate_limit() -> str:
    """The per-visitor message limit from the settings."""
    return str(current_app.config["CHATBOT_RATE_LIMIT"])


def accepted(response: Response) -> bool:
    """Only messages that were taken count against the rate limit."""
    return response.status_code < 400


def is_htmx() -> bool:
    """True for requests htmx makes (it sends HX-Request: true)."""
    return request.headers.get("HX-Request") == "true"


def wants_stream() -> bool:
    """True when the client reads text/event-stream (htmx with its SSE extension)."""
    return "text/event-stream" in request.headers.get("Accept", "")


def posted_page() -> str:
    """Which page a form was posted from: `chat` or `widget` (never a free URL)."""
    page = request.form.get("page", "chat")
    return page if page in PAGES else "chat"


def render_chat(page: str, *, status: int = 200, error: str = "", draft: str = "",
                partial_only: bool = False, contact_form: object = None) -> Response:
    """Render the chat page (or only its panel) with this visitor's transcript."""
    token = None
    if page == "widget":
        allow_embedding()
        token = session_token(current_app)
    # Made on the first visit, so that two tabs posting at once share one conversation id
    # (the session is saved last-write-wins).
    messages = state().chat.transcript(start_conversation())
    template = "_chat.html" if partial_only else f"{page}.html"
    html = render_template(template, page=page, messages=messages, error=error, draft=draft,
                           session_token=token, fresh_session=not has_cookie(),
                           contact_form=contact_form)
    response = Response(html, status)
    response.vary.add("HX-Request")
    return response


@bp.app_context_processor
def template_globals() -> dict[str, object]:
    """What every template may use."""
    style = embed.widget_style(request.args) if request.endpoint == "chat.widget" else None
    return {"profile": state().profile, "fault_sentence": fault_sentence,
            "widget_style": style}


@bp.get("/")
def index() -> Response:
    """Send visitors of the bare host to the chat."""
    return redirect(url_for("chat.page"))  # type: ignore[return-value]


@bp.get("/chat")
def page() -> Response:
    """Show the standalone chat page."""
    return render_chat("chat", partial_only=is_htmx())


@bp.get("/chat/widget")
def widget() -> Response:
    """Show the compact chat made for the portfolio's sidebar iframe."""
    return render_chat("widget", partial_only=is_htmx())


@bp.get("/embed.js")
def embed_script() -> Response:
    """Serve the one-line embed's loader script."""
    return embed.script_response()


@bp.post("/chat/messages")
@limiter.limit(message_rate_limit, deduct_when=accepted)
def post_message() -> Response:
    """Take the visitor's message; reply as a stream, a partial, or a redirect."""
    page = posted_page()
    try:
        text = clean_message(request.form.get("message", ""),
                             current_app.config["CHATBOT_MAX_MESSAGE_CHARS"])
    except InvalidMessage as error:
        return invalid_message(str(error), page)
    question = state().chat.ask(start_conversation(), text)
    return answer(question, current_visitor(), page)


@bp.post("/chat/retry")
@limiter.limit(message_rate_limit, deduct_when=accepted)
def retry() -> Response:
    """Ask the model again for a question that got a fallback reply."""
    page = posted_page()
    conv = conversation_id()
    reply_id = parse_message_id(request.form.get("reply_id", ""))
    question = None
    if conv and reply_id is not None:
        question = state().chat.question_to_retry(conv, reply_id)
    if question is None:
        return invalid_message("That reply can no longer be retried.", page)
    return answer(question, current_visitor(), page, replaces=reply_id)


def answer(question: Message, visitor: Visitor, page: str, *,
           replaces: int | None = None) -> Response:
    """Reply to a stored question in the form the client asked for."""
    chat = state().chat
    if not is_htmx():
        chat.reply(question, visitor)
        return redirect(url_for(PAGES[page]) + "#composer", 303)  # type: ignore[return-value]
    if not wants_stream():
        finished = chat.reply(question, visitor)
        html = render_template("_exchange.html", question=question, reply=finished.message,
                               fault=finished.fault, page=page, show_question=replaces is None)
        if replaces is not None:
            html += partial(f"#msg-{replaces}", "delete", "")
        return Response(html)
    slot = new_slot_id()
    opening = render_template("_stream_start.html", question=question, slot=slot,
                              show_question=replaces is None)
    # A retried reply replaces the fallback it retried, once it is finished.
    closing = partial(f"#msg-{replaces}", "delete", "") if replaces is not None else ""
    return event_stream(html_events(opening, slot, chat.respond(question, visitor),
                                    lambda event: finished_message(event, page), closing))


def invalid_message(reason: str, page: str) -> Response:
    """Show why a message was refused, keeping what the visitor typed."""
    if is_htmx():
        response = Response(render_template("_error.html", error=reason), 400)
        response.headers["HX-Retarget"] = "#composer-error"
        response.headers["HX-Reswap"] = "innerHTML"
        return response
    return render_chat(page, status=400, error=reason, draft=request.form.get("message", ""))


@bp.post("/api/chatbot")
@csrf.exempt  # type: ignore[untyped-decorator]  # no cookie session, so nothing to forge
@limiter.limit(message_rate_limit, deduct_when=accepted)
def api_chatbot() -> Response:
    """Answer one message as JSON (or as a stream with "stream": true)."""
    try:
        api_request = parse_api_request(request, current_app.config["CHATBOT_MAX_MESSAGE_CHARS"])
    except ApiError as error:
        return api_error(error.status, error.message)
    chat = state().chat
    question = chat.ask(api_request.conversation_id, api_request.message)

    def body(event: Finished) -> dict[str, object]:
        result: dict[str, object] = {"reply": event.message.text,
                                     "session_id": api_request.session_id}
        if event.fault is not None:
            result.update(fallback=True, fault=event.fault.kind)
        return result

    if api_request.stream:
        return event_stream(json_events(chat.respond(question, Visitor()), body))
    return jsonify(body(chat.reply(question, Visitor())))


def api_error(status: int, message: str) -> Response:
    """A JSON error body with its status."""
    response = jsonify(error=message)
    response.status_code = status
    return response


@bp.get("/healthz")
def healthz() -> Response:
    """Say whether the app and its store answer."""
    try:
        state().store.ping()
    except Exception as error:  # any backend failure means unhealthy
        current_app.logger.error("health check failed: %s", error)
        return api_error(503, "the conversation store is unavailable")
    return jsonify(status="ok", engine=state().engine.name)
