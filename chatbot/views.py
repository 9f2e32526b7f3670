"""The chat's routes: pages, the message form, retries and the JSON API."""

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

from chatbot import embed, limits, state
from chatbot.api import ApiError, parse_api_request
from chatbot.conversation import Finished, fault_sentence
from chatbot.engines.base import Visitor
from chatbot.extensions import csrf
from chatbot.inputs import InvalidMessage, clean_message, parse_message_id
from chatbot.rendering import render_markdown
from chatbot.security import allow_embedding
from chatbot.sessions import conversation_id, has_cookie, session_token, start_conversation
from chatbot.stores import Message
from chatbot.streaming import (
    event_stream,
    finished_message,
    html_events,
    json_events,
    new_slot_id,
    partial,
)
from chatbot.visitor import (
    MAX_NAME_CHARS,
    TYPE_LABELS,
    InvalidVisitor,
    api_visitor,
    apply_update,
    greeting,
    parse_update,
    visitor_of,
)

bp = Blueprint("chat", __name__)
bp.add_app_template_filter(render_markdown, "markdown")

PAGES = {"chat": "chat.page", "widget": "chat.widget"}


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
                visitor_error: str = "", partial_only: bool = False,
                messages: list[Message] | None = None, contact_form: object = None) -> Response:
    """Render the chat page (or only its panel) with this visitor's transcript."""
    token = None
    if page == "widget":
        allow_embedding()
        token = session_token(current_app)
    # Made on the first visit, so that two tabs posting at once share one conversation id
    # (the session is saved last-write-wins).
    conv = start_conversation()
    chat = state().chat
    record = None  # unread when the page is shown because the store is down
    if messages is None:
        messages = chat.transcript(conv)
        record = chat.store.conversation(conv)
    template = "_chat.html" if partial_only else f"{page}.html"
    html = render_template(template, page=page, messages=messages, error=error, draft=draft,
                           record=record, visitor_error=visitor_error,
                           name_draft=request.form.get("name", "") if visitor_error else "",
                           suggestions=chat.suggestions(messages, visitor_of(record)),
                           session_token=token, fresh_session=not has_cookie(),
                           contact_form=contact_form)
    response = Response(html, status)
    response.vary.add("HX-Request")
    return response


@bp.app_context_processor
def template_globals() -> dict[str, object]:
    """What every template may use."""
    style = embed.widget_style(request.args) if request.endpoint == "chat.widget" else None
    profile = state().profile
    return {"profile": profile, "fault_sentence": fault_sentence, "widget_style": style,
            "type_labels": TYPE_LABELS, "max_name": MAX_NAME_CHARS,
            "greeting": lambda record: greeting(profile, record)}


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
@limits.per_visitor
@limits.per_address
@limits.reply_slot
def post_message() -> Response:
    """Take the visitor's message; reply as a stream, a partial, or a redirect."""
    page = posted_page()
    try:
        text = clean_message(request.form.get("message", ""),
                             current_app.config["CHATBOT_MAX_MESSAGE_CHARS"])
    except InvalidMessage as error:
        return invalid_message(str(error), page)
    asked = state().chat.take(start_conversation(), text)
    return answer(asked.question, page, visitor=visitor_of(asked.record),
                  transcript=asked.transcript)


@bp.post("/chat/visitor")
@limits.per_visitor
@limits.per_address
def set_visitor() -> Response:
    """Take the visitor's optional name and/or their "I'm a…" choice."""
    page = posted_page()
    try:
        update = parse_update(request.form)
    except InvalidVisitor as error:
        return invalid_visitor(str(error), page)
    conv = start_conversation()
    record = apply_update(state().chat.store, conv, update)
    if not is_htmx():
        return redirect(url_for(PAGES[page]) + "#intro", 303)  # type: ignore[return-value]
    chat = state().chat
    messages = chat.transcript(conv)
    html = render_template("_intro.html", page=page, record=record)
    html += partial("#suggestions", "outerHTML", render_template(
        "_suggestions.html", page=page, messages=messages,
        suggestions=chat.suggestions(messages, chat.visitor(conv))))
    return Response(html)


def invalid_visitor(reason: str, page: str) -> Response:
    """Show why a name or type was refused, keeping what was typed; change nothing."""
    if is_htmx():
        record = state().chat.store.conversation(start_conversation())
        html = render_template("_intro.html", page=page, record=record, visitor_error=reason,
                               name_draft=request.form.get("name", ""))
        return Response(html, 400)
    return render_chat(page, status=400, visitor_error=reason)


@bp.post("/chat/retry")
@limits.per_visitor
@limits.per_address
@limits.reply_slot
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
    return answer(question, page, replaces=reply_id)


def answer(question: Message, page: str, *, replaces: int | None = None,
           visitor: Visitor | None = None, transcript: list[Message] | None = None) -> Response:
    """Reply to a stored question in the form the client asked for.

    `visitor` and `transcript`, as read just after the question was stored, save reading
    them again.
    """
    chat = state().chat
    if visitor is None:
        visitor = chat.visitor(question.conversation_id)
    # Read once, for both the model's history and the suggestions that follow the reply.
    if transcript is None:
        transcript = chat.transcript(question.conversation_id)
    if not is_htmx():
        chat.reply(question, visitor, transcript)
        return redirect(url_for(PAGES[page]) + "#composer", 303)  # type: ignore[return-value]
    suggestions = suggestions_partial(question, visitor, page, transcript)
    if not wants_stream():
        finished = chat.reply(question, visitor, transcript)
        html = render_template("_exchange.html", question=question, reply=finished.message,
                               fault=finished.fault, page=page, show_question=replaces is None,
                               offer_contact=chat.asks_for_contact(question.text))
        if replaces is not None:
            html += partial(f"#msg-{replaces}", "delete", "")
        return Response(html + suggestions)
    slot = new_slot_id()
    opening = render_template("_stream_start.html", question=question, slot=slot,
                              show_question=replaces is None)
    # A retried reply replaces the fallback it retried, once it is finished.
    closing = partial(f"#msg-{replaces}", "delete", "") if replaces is not None else ""
    offer = chat.asks_for_contact(question.text)
    return event_stream(html_events(opening, slot, chat.respond(question, visitor, transcript),
                                    lambda event: finished_message(event, page, offer),
                                    closing + suggestions))


def suggestions_partial(question: Message, visitor: Visitor, page: str,
                        transcript: list[Message]) -> str:
    """The follow-up questions for after this reply, swapped in place of the old ones."""
    messages = [m for m in transcript if m.id <= question.id]
    return partial("#suggestions", "outerHTML", render_template(
        "_suggestions.html", page=page, messages=messages,
        suggestions=state().chat.suggestions(messages, visitor)))


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
@limits.per_visitor
@limits.per_address
@limits.reply_slot
def api_chatbot() -> Response:
    """Answer one message as JSON (or as a stream with "stream": true)."""
    try:
        api_request = parse_api_request(request, current_app.config["CHATBOT_MAX_MESSAGE_CHARS"])
    except ApiError as error:
        return api_error(error.status, error.message)
    chat = state().chat
    conv = api_request.conversation_id
    apply_update(chat.store, conv, api_request.visitor)
    # Read once: the reply does not change the visitor or what they asked.
    asked = chat.take(conv, api_request.message)
    question, record, transcript = asked.question, asked.record, asked.transcript
    visitor = visitor_of(record)

    def body(event: Finished) -> dict[str, object]:
        result: dict[str, object] = {
            "reply": event.message.text, "session_id": api_request.session_id,
            "visitor": api_visitor(record),
            "suggestions": chat.suggestions(transcript, visitor),
        }
        if event.fault is not None:
            result.update(fallback=True, fault=event.fault.kind)
        return result

    if api_request.stream:
        return event_stream(json_events(chat.respond(question, visitor, transcript), body))
    return jsonify(body(chat.reply(question, visitor, transcript)))


def api_error(status: int, message: str) -> Response:
    """A JSON error body with its status."""
    response = jsonify(error=message)
    response.status_code = status
    return response

