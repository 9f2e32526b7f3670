"""Conversation store in Redis: one list per conversation, ids from one counter.

Keys (under the prefix): `conversation:<id>` the messages (a list of JSON records),
`conversation-meta:<id>` its record (a hash), `conversations` every conversation by last
activity (a sorted set), `message-id` the id counter. Everything a conversation has
expires after the retention period without activity, so Redis never fills up.
"""

from __future__ import annotations

import json
import time
from typing import Any

import redis

from chatbot.stores import (
    KEEP,
    QUESTION,
    Conversation,
    ConversationStore,
    Message,
    Role,
    _Keep,
)


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
