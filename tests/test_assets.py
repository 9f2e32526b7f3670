"""Our scripts and stylesheets are served minified, revalidated by ETag; others untouched."""

from __future__ import annotations

from pathlib import Path

from flask.testing import FlaskClient

STATIC = Path(__file__).parent.parent / "static"


def test_our_script_is_served_minified_and_revalidates(client: FlaskClient) -> None:
    response = client.get("/static/chat.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    body = response.get_data(as_text=True)
    source = (STATIC / "chat.js").read_text()
    assert len(body) < 0.8 * len(source)
    assert "// " not in body and "function" in body  # comments gone, code kept
    again = client.get("/static/chat.js", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_stylesheets_are_minified_too(client: FlaskClient) -> None:
    response = client.get("/static/chat.css")
    assert response.mimetype == "text/css"
    assert "/*" not in response.get_data(as_text=True)


def test_vendored_and_other_files_are_served_as_they_are(client: FlaskClient) -> None:
    htmx = client.get("/static/htmx-4.0.1.min.js")
    assert htmx.get_data() == (STATIC / "htmx-4.0.1.min.js").read_bytes()
    licence = client.get("/static/htmx-LICENSE.txt")
    assert licence.get_data() == (STATIC / "htmx-LICENSE.txt").read_bytes()
    for response in (htmx, licence):
        response.close()


def test_nothing_outside_the_static_folder_is_served(client: FlaskClient) -> None:
    for path in ("/static/../chatbot/__init__.py", "/static/%2e%2e/wsgi.py",
                 "/static/nope.js", "/static/%00", "/static/chat%00.js"):
        assert client.get(path).status_code == 404
