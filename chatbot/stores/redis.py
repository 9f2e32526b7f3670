"""Conversation store in Redis: one list per conversation, ids from one counter."""

from __future__ import annotations

import json
import time

import redis

from chatbot.stores import QUESTION, ConversationStore, Message, Role


class RedisStore(ConversationStore):
    """RPUSH keeps the order of arrival; INCR hands out ids shared by every process."""

    def __init__(self, url: str, *, retention_seconds: int, prefix: str = "chatbot:"):
        self.client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=2)
        self.retention_seconds = retention_seconds
        self.prefix = prefix

    def _key(self, conversation_id: str) -> str:
        return f"{self.prefix}conversation:{conversation_id}"

    def append(self, conversation_id: str, role: Role, text: str, *, kind: str = QUESTION,
               reply_to: int | None = None) -> Message:
        message = Message(int(self.client.incr(f"{self.prefix}message-id")), conversation_id,
                          role, text, kind, reply_to, time.time())
        record = [message.id, role, text, kind, reply_to, message.created_at]
        key = self._key(conversation_id)
        with self.client.pipeline() as pipe:
            pipe.rpush(key, json.dumps(record))
            pipe.expire(key, self.retention_seconds)
            pipe.execute()
        return message

    def messages(self, conversation_id: str, *, newest: int = 200) -> list[Message]:
        records = self.client.lrange(self._key(conversation_id), -newest, -1)
        messages = []
        for raw in records:
            id_, role, text, kind, reply_to, created_at = json.loads(raw)
            messages.append(Message(id_, conversation_id, role, text, kind, reply_to, created_at))
        # INCR and RPUSH are separate commands: two writers can interleave them.
        return sorted(messages, key=lambda m: m.id)

    def ping(self) -> None:
        self.client.ping()

    def close(self) -> None:
        self.client.close()
