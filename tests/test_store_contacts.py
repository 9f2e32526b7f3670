"""The store's contact requests, job queue and owner queries, run against every backend."""

from __future__ import annotations

import secrets
import threading
import time

from chatbot.stores import (
    DELIVERED,
    FAILED,
    PENDING,
    REPLY,
    ContactRequest,
    ConversationStore,
    QuestionCount,
    normalise_question,
)


def contact(conversation_id: str | None = "c", created_at: float | None = None,
            **fields: str) -> ContactRequest:
    """A contact request with plausible values."""
    values = {"name": "Ada Lovelace", "email": "ada@example.com", "message": "Let's talk"}
    values.update(fields)
    return ContactRequest(secrets.token_hex(8), conversation_id, values["name"],
                          values["email"], values["message"], "recruiter", "Ada",
                          time.time() if created_at is None else created_at)


# -- contact requests ---------------------------------------------------------------------

def test_a_contact_is_stored_with_a_pending_delivery_per_channel(
        store: ConversationStore) -> None:
    stored = store.add_contact(contact(), ["webhook", "email"])
    assert (stored.name, stored.email, stored.visitor_type) == (
        "Ada Lovelace", "ada@example.com", "recruiter")
    assert [(d.channel, d.status, d.attempts) for d in stored.deliveries] == [
        ("webhook", PENDING, 0), ("email", PENDING, 0)]
    assert store.contact(stored.id) == stored
    assert store.contacts() == [stored]


def test_delivery_outcomes_are_counted_and_kept(store: ConversationStore) -> None:
    stored = store.add_contact(contact(), ["webhook", "email"])
    store.record_delivery(stored.id, "webhook", PENDING, "HTTP 500")
    store.record_delivery(stored.id, "webhook", DELIVERED)
    store.record_delivery(stored.id, "email", FAILED, "connection refused")
    found = store.contact(stored.id)
    assert found is not None
    by_channel = {d.channel: d for d in found.deliveries}
    assert (by_channel["webhook"].status, by_channel["webhook"].attempts,
            by_channel["webhook"].last_error) == (DELIVERED, 2, None)
    assert (by_channel["email"].status, by_channel["email"].last_error) == (
        FAILED, "connection refused")


def test_contacts_outlive_their_conversation_but_not_the_retention(
        store: ConversationStore) -> None:
    store.append("c", "visitor", "hello")
    old = store.add_contact(contact(created_at=time.time() - 100), ["webhook"])
    new = store.add_contact(contact(), [])
    assert store.delete_conversation("c") is True
    assert [c.id for c in store.contacts()] == [new.id, old.id]
    assert store.purge_contacts(time.time() - 50) == 1
    assert [c.id for c in store.contacts()] == [new.id]
    assert store.contact(old.id) is None


def test_a_contact_without_a_conversation_is_kept(store: ConversationStore) -> None:
    stored = store.add_contact(contact(conversation_id=None), ["email"])
    assert store.contact(stored.id) == stored and stored.conversation_id is None


# -- jobs -------------------------------------------------------------------------------

def test_only_due_jobs_are_claimed_and_completed_ones_are_gone(
        store: ConversationStore) -> None:
    now = time.time()
    store.enqueue("deliver", {"n": 1}, run_at=now - 1)
    store.enqueue("deliver", {"n": 2}, run_at=now + 60)
    jobs = store.claim_jobs(now, 30)
    assert [(j.kind, j.payload, j.attempts) for j in jobs] == [("deliver", {"n": 1}, 1)]
    assert store.claim_jobs(now, 30) == []  # leased
    store.complete_job(jobs[0])
    assert [payload for _, payload, _ in store.pending_jobs()] == [{"n": 2}]


def test_a_lease_that_runs_out_lets_another_worker_take_the_job(
        store: ConversationStore) -> None:
    now = time.time()
    store.enqueue("sweep", {}, run_at=now)
    first = store.claim_jobs(now, 10)
    second = store.claim_jobs(now + 11, 10)  # the first worker died
    assert len(first) == len(second) == 1 and second[0].attempts == 2
    store.complete_job(first[0])  # too late: no longer its job
    assert len(store.pending_jobs()) == 1
    store.complete_job(second[0])
    assert store.pending_jobs() == []


def test_retry_counts_tries_and_failed_jobs_come_back_on_revive(
        store: ConversationStore) -> None:
    now = time.time()
    store.enqueue("deliver", {"n": 1}, run_at=now)
    job = store.claim_jobs(now, 30)[0]
    store.retry_job(job, now + 5, "HTTP 500")
    assert store.claim_jobs(now + 1, 30) == []
    job = store.claim_jobs(now + 5, 30)[0]
    assert (job.attempts, job.last_error) == (2, "HTTP 500")
    store.fail_job(job, "HTTP 500 again")
    assert store.claim_jobs(now + 1000, 30) == []
    assert store.pending_jobs()[0][2] is None  # parked
    assert store.revive_failed_jobs(now + 1000) == 1
    job = store.claim_jobs(now + 1000, 30)[0]
    assert job.attempts == 1  # fresh tries


def test_a_unique_key_keeps_one_job_until_it_is_done(store: ConversationStore) -> None:
    now = time.time()
    assert store.enqueue("sweep", {}, run_at=now, key="sweep") is True
    assert store.enqueue("sweep", {}, run_at=now, key="sweep") is False
    job = store.claim_jobs(now, 30)[0]
    store.retry_job(job, now + 86400, reset_attempts=True)  # rescheduled, still the one
    assert store.enqueue("sweep", {}, run_at=now, key="sweep") is False
    assert store.claim_jobs(now + 86400, 30)[0].attempts == 1
    [(_, _, run_at)] = store.pending_jobs()
    assert run_at is not None


def test_two_workers_never_claim_the_same_job(store: ConversationStore) -> None:
    now = time.time()
    for n in range(40):
        store.enqueue("deliver", {"n": n}, run_at=now)
    claimed: list[int] = []

    def work() -> None:
        while jobs := store.claim_jobs(time.time(), 60, limit=3):
            claimed.extend(job.payload["n"] for job in jobs)

    workers = [threading.Thread(target=work) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(claimed) == list(range(40))


# -- what the owner learns ----------------------------------------------------------------

def ask(store: ConversationStore, conversation_id: str, question: str,
        unanswered: bool = False) -> None:
    """A visitor question and its reply."""
    message = store.append(conversation_id, "visitor", question)
    store.append(conversation_id, "assistant", "…", kind=REPLY, reply_to=message.id,
                 unanswered=unanswered)


def test_unanswered_questions_are_grouped_and_counted(store: ConversationStore) -> None:
    ask(store, "a", "What is her salary?", unanswered=True)
    ask(store, "b", "what is her  SALARY", unanswered=True)
    ask(store, "c", "What is her salary?", unanswered=True)
    ask(store, "c", "Does she know Rust?", unanswered=True)
    ask(store, "c", "What has she built?")
    assert store.question_counts(unanswered_only=True) == [
        QuestionCount("What is her salary?", 3), QuestionCount("Does she know Rust?", 1)]
    assert store.question_counts()[0] == QuestionCount("What is her salary?", 3)
    assert len(store.question_counts()) == 3


def test_a_retry_that_answered_clears_the_unanswered_mark(store: ConversationStore) -> None:
    question = store.append("a", "visitor", "Salary?")
    store.append("a", "assistant", "not covered", reply_to=question.id, unanswered=True)
    store.append("a", "assistant", "covered", reply_to=question.id)
    assert store.question_counts(unanswered_only=True) == []


def test_conversations_by_day_and_by_visitor_type(store: ConversationStore) -> None:
    store.append("a", "visitor", "hi")
    store.set_visitor("b", visitor_type="recruiter")
    store.set_visitor("c", visitor_type="recruiter")
    today = time.strftime("%Y-%m-%d", time.gmtime())
    assert store.conversations_by_day() == [(today, 3)]
    assert store.conversations_by_visitor_type() == [("recruiter", 2), ("unknown", 1)]


def test_normalised_questions_ignore_case_accents_and_punctuation() -> None:
    assert normalise_question("  Où est Inês?! ") == normalise_question("ou est ines")
