"""Issue 19: POST /api/v1/documents: the token, the body's limits, bad articles named (the good ones stored), and the
same dedup, versions and stories as ``recoupe ingest``."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from .conftest import AUTH, TOKEN, article, is_error

FOLLOW_UP = (
    "Incendie de l'usine Chimiflor à Vénissieux : le confinement est levé\n"
    "Le confinement décidé après l'incendie de l'usine Chimiflor de Vénissieux, au sud de Lyon, a été levé vendredi"
    " matin, a annoncé la préfecture du Rhône. L'incendie de l'entrepôt de solvants avait fait trois blessés légers"
    " parmi les employés mercredi soir. Les pompiers du Rhône sont restés sur place toute la nuit. Une enquête a été"
    " ouverte pour déterminer l'origine du feu, a indiqué le parquet de Lyon."
)


def test_a_read_only_server_refuses_writes_saying_so(reader: TestClient) -> None:
    body = is_error(reader.post("/api/v1/documents", json=article("Un texte."), headers=AUTH), 403, "E602")
    assert "read-only" in body["error"]["message"]


def test_writes_need_the_right_bearer_token(writer: TestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"}, {"Authorization": f"Basic {TOKEN}"}):
        response = writer.post("/api/v1/documents", json=article("Un texte."), headers=headers)
        is_error(response, 401, "E601")
        assert response.headers["www-authenticate"] == "Bearer"
    assert writer.get("/api/v1/health").json()["writes"] is True


def test_a_body_over_the_limit_is_refused_before_it_is_read_whole(writer: TestClient) -> None:
    big = b'{"text": "' + b"a" * 6_000_000 + b'"}'
    json_type = {**AUTH, "Content-Type": "application/json"}
    is_error(writer.post("/api/v1/documents", content=big, headers=json_type), 413, "E604")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for start in range(0, len(big), 1 << 20):
            yield big[start : start + (1 << 20)]

    is_error(writer.post("/api/v1/documents", content=chunks(), headers=json_type), 413, "E604")


def test_a_body_that_is_not_json_is_refused(writer: TestClient) -> None:
    plain = {**AUTH, "Content-Type": "text/plain"}
    is_error(writer.post("/api/v1/documents", content=b"Un texte.", headers=plain), 415, "E605")
    json_type = {**AUTH, "Content-Type": "application/json"}
    body = is_error(writer.post("/api/v1/documents", content=b'{"text": "x",', headers=json_type), 422, "E606")
    assert body["error"]["where"] == "body"
    is_error(writer.post("/api/v1/documents", json=[], headers=AUTH), 422, "E606")


def test_a_bad_article_is_named_and_the_others_are_stored(writer: TestClient) -> None:
    articles = [
        article(FOLLOW_UP, id="suite", outlet="Lyon Matin", published="2024-03-15"),
        {"title": "Sans texte"},
        article("Un autre texte sur un sujet sans rapport : la fête du livre de Bron.", title=3),
    ]
    response = writer.post("/api/v1/documents", json=articles, headers=AUTH)
    body = is_error(response, 422, "E606")
    assert body["error"]["where"] == "article 2" and "'text' or 'html'" in body["error"]["message"]
    stored, *bad = body["articles"]
    assert stored["status"] == "new" and stored["id"] == "suite" and stored["article"] == 1
    assert [(b["article"], b["status"], b["code"]) for b in bad] == [(2, "failed", "E105"), (3, "failed", "E105")]
    assert "'title' must be a string" in bad[1]["message"]
    assert writer.get("/api/v1/documents/suite").json()["story"] == stored["story"]


def test_a_story_grows_through_post_and_its_changes_show_the_new_report(writer: TestClient) -> None:
    usine = writer.get("/api/v1/stories", params={"q": "Chimiflor"}).json()["stories"][0]
    posted = writer.post(
        "/api/v1/documents",
        json=article(FOLLOW_UP, outlet="Lyon Matin", published="2024-03-15", url="https://lyon-matin.example/suite"),
        headers=AUTH,
    )
    assert posted.status_code == 201, posted.text
    (result,) = posted.json()["articles"]
    assert result["status"] == "new" and result["story"] == usine["id"] and result["version"] == 2
    changes = writer.get(f"/api/v1/stories/{usine['id']}/changes").json()
    assert changes["since"] == 1 and changes["version"] == 2 and changes["new_documents"] == [result["id"]]
    assert writer.get(f"/api/v1/stories/{usine['id']}/changes?since=1&version=2").json() == changes
    listed = writer.get("/api/v1/stories", params={"q": "Chimiflor"}).json()["stories"][0]
    assert listed["documents"] == usine["documents"] + 1 and listed["version"] == 2
    assert [v["version"] for v in writer.get(f"/api/v1/stories/{usine['id']}/versions").json()["versions"]] == [1, 2]


def test_the_same_text_is_already_stored_and_a_new_text_at_its_url_is_a_new_version(writer: TestClient) -> None:
    url = "https://lyon-matin.example/suite"
    first = writer.post("/api/v1/documents", json=article(FOLLOW_UP, url=url), headers=AUTH).json()["articles"][0]
    again = writer.post("/api/v1/documents", json=[article(FOLLOW_UP, url=url)], headers=AUTH).json()["articles"][0]
    assert (again["status"], again["id"], again["story"]) == ("already stored", first["id"], first["story"])
    revised = FOLLOW_UP.replace("vendredi matin", "vendredi à 8 heures")
    newer = writer.post("/api/v1/documents", json=article(revised, url=url), headers=AUTH).json()["articles"][0]
    assert newer["status"] == "new version" and newer["story"] == first["story"] and newer["id"] != first["id"]
    assert writer.get(f"/api/v1/documents/{first['id']}").json()["superseded_by"] == newer["id"]


def test_an_article_the_analysis_refuses_is_named_with_its_code_once(writer: TestClient) -> None:
    body = is_error(writer.post("/api/v1/documents", json=article("..."), headers=AUTH), 422, "E606")
    (failed,) = body["articles"]
    assert failed["code"] == "E106" and failed["message"].startswith("no article text")
    assert body["error"]["message"] == f"{failed['message']} [E106]"
