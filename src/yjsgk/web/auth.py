"""Accounts, sessions, API tokens, CSRF and the login rate limit."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select

from ..errors import YjsgkError
from ..store.db import Store
from ..store.web_models import AuditEntry, User, WebSession

ROLES = ("viewer", "reviewer", "admin")
ROLE_LABELS = {"viewer": "只读", "reviewer": "审核", "admin": "管理员"}
SESSION_HOURS = 12
TOKEN_HOURS = 24 * 30
_HASHER = PasswordHasher()
# a hash to verify against when the name is unknown, so that timing does not tell names apart
_DUMMY = _HASHER.hash(secrets.token_hex(16))


class AccountError(YjsgkError):
    pass


@dataclass(frozen=True)
class Principal:
    id: int
    name: str
    role: str
    csrf: str
    kind: str  # cookie | api

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite keeps no zone; we store UTC


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_user(store: Store, name: str, role: str, password: str, *, by: Principal | None = None) -> int:
    name = name.strip()
    if not name or len(name) > 100:
        raise AccountError("用户名不能为空，且不超过 100 个字符")
    if role not in ROLES:
        raise AccountError(f"角色必须是 {'、'.join(ROLES)} 之一")
    if len(password) < 8:
        raise AccountError("密码至少 8 个字符")
    with store.write() as session:
        if session.scalar(select(User.id).where(User.name == name)) is not None:
            raise AccountError(f"用户 {name} 已存在")
        user = User(name=name, role=role, password_hash=_HASHER.hash(password), active=True, created_at=now())
        session.add(user)
        session.flush()
        audit(session, by, "user.add", name, {"role": role})
        return user.id


def set_password(store: Store, name: str, password: str, *, by: Principal | None = None) -> None:
    if len(password) < 8:
        raise AccountError("密码至少 8 个字符")
    with store.write() as session:
        user = session.scalar(select(User).where(User.name == name))
        if user is None:
            raise AccountError(f"没有用户 {name}")
        user.password_hash = _HASHER.hash(password)
        session.execute(delete(WebSession).where(WebSession.user_id == user.id))
        audit(session, by, "user.password", name, None)


def authenticate(store: Store, name: str, password: str) -> User | None:
    with store.read() as session:
        user = session.scalar(select(User).where(User.name == name.strip()))
    try:
        _HASHER.verify(user.password_hash if user else _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    return user


def open_session(store: Store, user: User, kind: str) -> tuple[str, str]:
    """A new cookie session or API token: (secret, csrf token). Only the secret's SHA-256 is stored."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    hours = SESSION_HOURS if kind == "cookie" else TOKEN_HOURS
    with store.write() as session:
        session.add(
            WebSession(
                token_hash=digest(token),
                user_id=user.id,
                kind=kind,
                csrf=csrf,
                created_at=now(),
                expires_at=now() + timedelta(hours=hours),
            )
        )
        audit(session, user, "login", kind, None)
    return token, csrf


def close_session(store: Store, token: str) -> None:
    with store.write() as session:
        session.execute(delete(WebSession).where(WebSession.token_hash == digest(token)))


def principal(store: Store, token: str | None, kind: str) -> Principal | None:
    if not token or len(token) > 200:
        return None
    with store.read() as session:
        row = session.execute(
            select(WebSession, User)
            .join(User, User.id == WebSession.user_id)
            .where(WebSession.token_hash == digest(token), WebSession.kind == kind)
        ).first()
    if row is None:
        return None
    web_session, user = row
    if not user.active or _aware(web_session.expires_at) < now():
        return None
    return Principal(user.id, user.name, user.role, web_session.csrf, kind)


def csrf_ok(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())


def audit(session, who, action: str, target: str | None, detail: dict | None) -> None:
    """Record one write (who, when, what) in the caller's transaction."""
    session.add(
        AuditEntry(
            at=now(),
            user_id=getattr(who, "id", None),
            username=getattr(who, "name", None),
            action=action,
            target=(target or "")[:300] or None,
            detail=detail,
        )
    )


class RateLimiter:
    """At most `attempts` failed logins per key (client address, and name) in `window` seconds."""

    def __init__(self, attempts: int = 5, window: float = 300.0):
        self.attempts, self.window = attempts, window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, moment: float) -> deque[float]:
        q = self._failures[key]
        while q and q[0] < moment - self.window:
            q.popleft()
        return q

    def blocked(self, *keys: str) -> float:
        """Seconds to wait, 0 when allowed."""
        moment = time.monotonic()
        with self._lock:
            waits = [
                q[0] + self.window - moment for q in (self._recent(k, moment) for k in keys) if len(q) >= self.attempts
            ]
        return max(waits, default=0.0)

    def failed(self, *keys: str) -> None:
        moment = time.monotonic()
        with self._lock:
            for k in keys:
                self._recent(k, moment).append(moment)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for k in keys:
                self._failures.pop(k, None)
