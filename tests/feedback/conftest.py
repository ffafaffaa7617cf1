"""Fixtures for the feedback tests: a published and a draft article, and a helper that answers."""

import pytest

SAME_ORIGIN = {"origin": "http://testserver"}


@pytest.fixture
def articles(write_article):
    write_article("safety/risks.md", topic="safety", title="Risks")
    write_article("safety/unfinished.md", topic="safety", title="Unfinished", draft="true")


@pytest.fixture
def send():
    """send(client, helpful="no") posts an answer about the "risks" article, as its page's form would."""

    def post(client, headers=SAME_ORIGIN, **data):
        return client.post("/feedback/", {"article": "risks", "helpful": "yes", "comment": "", **data}, headers=headers)

    return post
