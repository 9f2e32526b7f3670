"""Conversation store in Redis: one list per conversation, ids from one counter.

Keys (under the prefix): `conversation:<id>` the messages (a list of JSON records),
`conversation-meta:<id>` its record (a hash), `conversations` every conversation by last
activity (a sorted set), `message-id` the id counter. Everything a conversation has
expires after the retention period without activity, so Redis never fills up.

Contact requests: `contact:<id>` (JSON), `contact-deliveries:<id>` (a hash, one field per
channel, so two workers never overwrite each other's outcome) and `contacts` (a sorted set
by time); they expire after the retention period. Jobs: `job:<id>` (a hash), `jobs` (a
sorted set by due time, where a claimed job's lease is its due time pushed forward),
`jobs-failed` (a set of parked ids) and `job-key:<key>` (the id holding a unique key).
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Sequence
from typing import Any

import redis

from chatbot.stores import (
    KEEP,
    PENDING,
    QUESTION,
    ContactRequest,
    Conversation,
    ConversationStore,
    Delivery,
    Job,
    Message,
    Role,
    _Keep,
)

# KEYS[1] the due set; ARGV: now, lease end, limit, claim, job key prefix. One script, so
# two workers can never both take a job.
_CLAIM = """
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
local jobs = {}
for _, id in ipairs(ids) do
  local key = ARGV[5] .. id
  redis.call('ZADD', KEYS[1], ARGV[2], id)
  redis.call('HINCRBY', key, 'attempts', 1)
  redis.call('HSET', key, 'claim', ARGV[4])
  table.insert(jobs, id)
  table.insert(jobs, redis.call('HGETALL', key))
end
return jobs
"""
# KEYS: the job, the due set, the failed set. ARGV: claim, action, due time, error, reset,
# job id, key prefix. Does nothing unless the caller still holds the claim.
_RELEASE = """
if redis.call('HGET', KEYS[1], 'claim') ~= ARGV[1] then return 0 end
if ARGV[2] == 'complete' then
  local unique = redis.call('HGET', KEYS[1], 'key')
  if unique then redis.call('DEL', ARGV[7] .. unique) end
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], ARGV[6])
  return 1
end
redis.call('HDEL', KEYS[1], 'claim')
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'error', ARGV[4]) end
if ARGV[5] == '1' then redis.call('HSET', KEYS[1], 'attempts', 0) end
if ARGV[2] == 'retry' then
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[6])
else
  redis.call('ZREM', KEYS[2], ARGV[6])
  redis.call('SADD', KEYS[3], ARGV[6])
end
return 1
"""


class RedisStore(ConversationStore):
    """RPUSH keeps the order of arrival; INCR hands out ids shared by every process."""

    def __init__(self, client: redis.Redis, *, retention_seconds: int,
                 prefix: str = "chatbot:"):
        self.client = client
        self.retention_seconds = retention_seconds
        self.prefix = prefix

    def _key(self, conversation_id: str) -> str:
        return f"{self.prefix}conversation:{conversation_id}"

    def _meta(self, conversation_id: str) -> str:
        return f"{self.prefix}conversation-meta:{conversation_id}"

    @property
    def _index(self) -> str:
        return f"{self.prefix}conversations"

    def append(self, conversation_id: str, role: Role, text: str, *, kind: str = QUESTION,
               reply_to: int | None = None, unanswered: bool = False) -> Message:
        message = Message(int(self.client.incr(f"{self.prefix}message-id")), conversation_id,
                          role, text, kind, reply_to, time.time(), unanswered)
        record = [message.id, role, text, kind, reply_to, message.created_at, int(unanswered)]
        key, meta = self._key(conversation_id), self._meta(conversation_id)
        with self.client.pipeline() as pipe:  # MULTI/EXEC: all of it or none
            pipe.rpush(key, json.dumps(record))
            pipe.hsetnx(meta, "created_at", message.created_at)
            pipe.hset(meta, "updated_at", message.created_at)
            pipe.zadd(self._index, {conversation_id: message.created_at})
            pipe.expire(key, self.retention_seconds)
            pipe.expire(meta, self.retention_seconds)
            pipe.execute()
        return message

    def messages(self, conversation_id: str, *, newest: int = 200) -> list[Message]:
        records = self.client.lrange(self._key(conversation_id), -newest, -1)
        messages = []
        for raw in records:
            id_, role, text, kind, reply_to, created_at, *rest = json.loads(raw)
            messages.append(Message(id_, conversation_id, role, text, kind, reply_to, created_at,
                                    bool(rest and rest[0])))
        # INCR and RPUSH are separate commands: two writers can interleave them.
        return sorted(messages, key=lambda m: m.id)

    def conversation(self, conversation_id: str) -> Conversation | None:
        fields = self.client.hgetall(self._meta(conversation_id))
        if not fields:
            return None
        return _conversation(conversation_id, _decoded(fields))

    def set_visitor(self, conversation_id: str, *, name: str | None | _Keep = KEEP,
                    visitor_type: str | None | _Keep = KEEP,
                    type_chosen: bool | _Keep = KEEP) -> Conversation:
        now = time.time()
        meta = self._meta(conversation_id)
        changes: dict[str, str] = {}
        cleared: list[str] = []
        for field, value in (("visitor_name", name), ("visitor_type", visitor_type)):
            if isinstance(value, _Keep):
                continue
            if value is None:
                cleared.append(field)
            else:
                changes[field] = value
        if not isinstance(type_chosen, _Keep):
            changes["type_chosen"] = "1" if type_chosen else "0"
        with self.client.pipeline() as pipe:
            pipe.hsetnx(meta, "created_at", now)
            pipe.hsetnx(meta, "updated_at", now)
            if changes:
                pipe.hset(meta, mapping=changes)  # type: ignore[arg-type]
            if cleared:
                pipe.hdel(meta, *cleared)
            pipe.zadd(self._index, {conversation_id: now}, nx=True)
            pipe.expire(meta, self.retention_seconds)
            pipe.execute()
        found = self.conversation(conversation_id)
        assert found is not None
        return found

    def conversations(self, *, limit: int = 500) -> list[Conversation]:
        ids = [_text(raw) for raw in self.client.zrevrange(self._index, 0, limit - 1)]
        with self.client.pipeline(transaction=False) as pipe:
            for conversation_id in ids:
                pipe.hgetall(self._meta(conversation_id))
            records = pipe.execute()
        return [
            _conversation(conversation_id, _decoded(fields))
            for conversation_id, fields in zip(ids, records, strict=True) if fields
        ]

    def delete_conversation(self, conversation_id: str) -> bool:
        with self.client.pipeline() as pipe:
            pipe.delete(self._key(conversation_id), self._meta(conversation_id))
            pipe.zrem(self._index, conversation_id)
            removed, _ = pipe.execute()
        return bool(removed)

    def purge(self, idle_before: float) -> int:
        idle = self.client.zrangebyscore(self._index, "-inf", f"({idle_before}")
        ids = [_text(raw) for raw in idle]
        return sum(self.delete_conversation(conversation_id) for conversation_id in ids)

    def add_contact(self, contact: ContactRequest, channels: Sequence[str]) -> ContactRequest:
        c = contact
        record = [c.conversation_id, c.name, c.email, c.message, c.visitor_type,
                  c.visitor_name, c.created_at]
        deliveries = {channel: json.dumps([PENDING, 0, None, c.created_at])
                      for channel in channels}
        key, deliveries_key = self._contact_keys(c.id)
        with self.client.pipeline() as pipe:  # MULTI/EXEC: all of it or none
            pipe.set(key, json.dumps(record), ex=self.retention_seconds)
            if deliveries:
                pipe.hset(deliveries_key, mapping=deliveries)  # type: ignore[arg-type]
                pipe.expire(deliveries_key, self.retention_seconds)
            pipe.zadd(f"{self.prefix}contacts", {c.id: c.created_at})
            pipe.execute()
        found = self.contact(c.id)
        assert found is not None
        return found

    def _contact_keys(self, contact_id: str) -> tuple[str, str]:
        return f"{self.prefix}contact:{contact_id}", f"{self.prefix}contact-deliveries:{contact_id}"

    def contacts(self, *, limit: int = 500) -> list[ContactRequest]:
        ids = [_text(raw) for raw in self.client.zrevrange(f"{self.prefix}contacts", 0, limit - 1)]
        found = (self.contact(contact_id) for contact_id in ids)
        return [contact for contact in found if contact is not None]

    def contact(self, contact_id: str) -> ContactRequest | None:
        key, deliveries_key = self._contact_keys(contact_id)
        with self.client.pipeline(transaction=False) as pipe:
            pipe.get(key)
            pipe.hgetall(deliveries_key)
            raw, deliveries = pipe.execute()
        if raw is None:
            return None
        conversation_id, name, email, message, visitor_type, visitor_name, created = (
            json.loads(raw))
        channels = sorted(_decoded(deliveries).items(), reverse=True)
        return ContactRequest(
            contact_id, conversation_id, name, email, message, visitor_type, visitor_name,
            created, tuple(Delivery(channel, *json.loads(value)) for channel, value in channels))

    def record_delivery(self, contact_id: str, channel: str, status: str,
                        error: str | None = None) -> None:
        _, deliveries_key = self._contact_keys(contact_id)
        raw = self.client.hget(deliveries_key, channel)
        attempts = json.loads(raw)[1] if raw else 0
        # One worker holds a delivery's job at a time, so read-then-write cannot race.
        self.client.hset(deliveries_key, channel,
                         json.dumps([status, attempts + 1, error, time.time()]))

    def purge_contacts(self, created_before: float) -> int:
        index = f"{self.prefix}contacts"
        ids = [_text(raw) for raw in self.client.zrangebyscore(index, "-inf",
                                                               f"({created_before}")]
        for contact_id in ids:
            with self.client.pipeline() as pipe:
                pipe.delete(*self._contact_keys(contact_id))
                pipe.zrem(index, contact_id)
                pipe.execute()
        return len(ids)

    def _job_key(self, job_id: str) -> str:
        return f"{self.prefix}job:{job_id}"

    def enqueue(self, kind: str, payload: dict[str, Any], *, run_at: float,
                key: str | None = None) -> bool:
        job_id = secrets.token_hex(12)
        if key is not None and not self.client.set(f"{self.prefix}job-key:{key}", job_id, nx=True):
            return False
        fields = {"kind": kind, "payload": json.dumps(payload), "attempts": 0}
        if key is not None:
            fields["key"] = key
        with self.client.pipeline() as pipe:
            pipe.hset(self._job_key(job_id), mapping=fields)  # type: ignore[arg-type]
            pipe.zadd(f"{self.prefix}jobs", {job_id: run_at})
            pipe.execute()
        return True

    def claim_jobs(self, now: float, lease_seconds: float, *, limit: int = 10) -> list[Job]:
        claim = secrets.token_hex(12)
        found = self.client.eval(_CLAIM, 1, f"{self.prefix}jobs", now, now + lease_seconds,
                                 limit, claim, self._job_key(""))
        jobs = []
        for job_id, flat in zip(found[::2], found[1::2], strict=True):
            fields = _decoded(dict(zip(flat[::2], flat[1::2], strict=True)))
            jobs.append(Job(_text(job_id), fields["kind"], json.loads(fields["payload"]),
                            int(fields["attempts"]), claim, fields.get("error")))
        return jobs

    def _release(self, job: Job, action: str, run_at: float = 0.0, error: str | None = None,
                 reset: bool = False) -> None:
        self.client.eval(_RELEASE, 3, self._job_key(job.id), f"{self.prefix}jobs",
                         f"{self.prefix}jobs-failed", job.claim, action, run_at, error or "",
                         "1" if reset else "0", job.id, f"{self.prefix}job-key:")

    def complete_job(self, job: Job) -> None:
        self._release(job, "complete")

    def retry_job(self, job: Job, run_at: float, error: str | None = None, *,
                  reset_attempts: bool = False) -> None:
        self._release(job, "retry", run_at, error, reset_attempts)

    def fail_job(self, job: Job, error: str) -> None:
        self._release(job, "fail", error=error)

    def revive_failed_jobs(self, now: float) -> int:
        revived = 0
        failed = f"{self.prefix}jobs-failed"
        while (raw := self.client.spop(failed)) is not None:
            job_id = _text(raw)
            with self.client.pipeline() as pipe:
                pipe.hset(self._job_key(job_id), "attempts", 0)
                pipe.zadd(f"{self.prefix}jobs", {job_id: now})
                pipe.execute()
            revived += 1
        return revived

    def _due_with_times(self) -> list[tuple[Any, Any]]:
        found: Any = self.client.zrange(f"{self.prefix}jobs", 0, -1, withscores=True)
        return list(found)

    def pending_jobs(self) -> list[tuple[str, dict[str, Any], float | None]]:
        due: list[tuple[str, float | None]] = [
            (_text(raw), float(score))
            for raw, score in self._due_with_times()]
        parked: list[tuple[str, float | None]] = [
            (_text(raw), None) for raw in self.client.smembers(f"{self.prefix}jobs-failed")]
        jobs: list[tuple[str, dict[str, Any], float | None]] = []
        for job_id, run_at in [*due, *parked]:
            fields = _decoded(self.client.hgetall(self._job_key(job_id)))
            if fields:
                jobs.append((fields["kind"], json.loads(fields["payload"]), run_at))
        return jobs

    def ping(self) -> None:
        self.client.ping()

    def close(self) -> None:
        """The client's pool belongs to the process (chatbot.redis_client): nothing to do."""


def _conversation(conversation_id: str, fields: dict[str, str]) -> Conversation:
    created = float(fields.get("created_at", 0.0))
    return Conversation(
        id=conversation_id,
        created_at=created,
        updated_at=float(fields.get("updated_at", created)),
        visitor_name=fields.get("visitor_name"),
        visitor_type=fields.get("visitor_type"),
        type_chosen=fields.get("type_chosen") == "1",
    )


def _text(raw: Any) -> str:
    return raw.decode() if isinstance(raw, bytes) else str(raw)


def _decoded(fields: Any) -> dict[str, str]:
    return {_text(k): _text(v) for k, v in fields.items()}
