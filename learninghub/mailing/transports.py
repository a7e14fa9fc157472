"""Two ways out: an SMTP server (STARTTLS, SSL or plain for a local relay) and ``.eml`` drafts.

Why the SMTP conversation is taken step by step (MAIL, RCPT, DATA) and not ``sendmail``: the
outbox must know whether a message may have reached the server. A failure before DATA means it
did not (the message goes back to ``queued``, or ``failed`` for a refused recipient, with the
server's answer); a connection lost during DATA means nobody knows (:data:`UNKNOWN`: the message
stays ``sending`` and ``resume`` asks the user).
"""

from __future__ import annotations

import os
import smtplib
import ssl
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from pathlib import Path

from ..core.errors import LearningHubError, ValidationError
from ..core.messages import QT_TRANSLATE_NOOP

SENT, FAILED, UNKNOWN = "sent", "failed", "unknown"
SECURITY = ("starttls", "ssl", "none")


class MailError(LearningHubError):
    """The server could not be used (not reached, the login refused)."""


class ConnectionLost(Exception):
    """The connection broke: ``unknown`` says whether the message may have been taken (during DATA)."""

    def __init__(self, answer: str, *, unknown: bool) -> None:
        super().__init__(answer)
        self.answer, self.unknown = answer, unknown


@dataclass(frozen=True)
class Outcome:
    state: str  # SENT or FAILED
    answer: str


def _answer(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(words.split())}".strip()


def parse_server(text: str, *, where: str = "--smtp") -> tuple[str, int]:
    """'smtp.example.org:587' -> (host, port); the port defaults to 587."""
    host, sep, port = (text or "").strip().rpartition(":")
    if not sep:
        host, port = text.strip(), "587"
    if not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{text!r} is not a server (write HOST:PORT, "
                                                        "smtp.example.org:587)"), where=where, text=text)
    return host.strip("[]"), int(port)


class SmtpTransport:
    """One connection to an SMTP server for a batch."""

    drafts = False

    def __init__(self, host: str, port: int, *, security: str = "starttls", user: str | None = None,
                 password: str | None = None, timeout: float = 30.0) -> None:
        if security not in SECURITY:
            raise ValueError(security)
        self.host, self.port, self.security = host, port, security
        self.user, self.password, self.timeout = user, password, timeout
        self._conn: smtplib.SMTP | None = None

    def open(self) -> None:
        try:
            if self.security == "ssl":
                conn: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout,
                                                      context=ssl.create_default_context())
            else:
                conn = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
                if self.security == "starttls":
                    conn.starttls(context=ssl.create_default_context())
            conn.ehlo_or_helo_if_needed()
            if self.user:
                conn.login(self.user, self.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            raise MailError(QT_TRANSLATE_NOOP("core", "the server {server} refused the login: {answer}"),
                            where="smtp", server=f"{self.host}:{self.port}",
                            answer=_answer(exc.smtp_code, exc.smtp_error)) from None
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(QT_TRANSLATE_NOOP("core", "cannot use the server {server}: {error}"), where="smtp",
                            server=f"{self.host}:{self.port}", error=str(exc) or type(exc).__name__) from None
        self._conn = conn

    def send(self, msg: EmailMessage, sender: str, recipient: str, position: int) -> Outcome:
        conn = self._conn
        assert conn is not None, "open() first"
        data = msg.as_bytes(policy=policy.SMTP)
        try:
            code, text = conn.mail(sender)
            if code != 250:
                return self._refused(conn, code, text)
            code, text = conn.rcpt(recipient)
            if code not in (250, 251):
                return self._refused(conn, code, text)
        except (OSError, smtplib.SMTPServerDisconnected) as exc:
            raise ConnectionLost(str(exc) or type(exc).__name__, unknown=False) from None
        try:
            code, text = conn.data(data)
        except smtplib.SMTPDataError as exc:  # refused before the text was sent (not 354)
            return self._refused(conn, exc.smtp_code, exc.smtp_error)
        except (OSError, smtplib.SMTPServerDisconnected) as exc:
            raise ConnectionLost(str(exc) or type(exc).__name__, unknown=True) from None
        if code != 250:
            return self._refused(conn, code, text)
        return Outcome(SENT, _answer(code, text))

    def _refused(self, conn: smtplib.SMTP, code: int, text: bytes | str) -> Outcome:
        answer = _answer(code, text)
        if code == 421:  # the server is closing the connection: nothing was taken, stop here
            raise ConnectionLost(answer, unknown=False)
        try:
            conn.rset()
        except (OSError, smtplib.SMTPException) as exc:
            raise ConnectionLost(f"{answer}; then {exc}", unknown=False) from None
        return Outcome(FAILED, answer)

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (OSError, smtplib.SMTPException):
                self._conn.close()
            self._conn = None


class EmlTransport:
    """Drafts in a folder: one ``.eml`` a message with ``X-Unsent: 1`` (Outlook opens it as a draft)."""

    drafts = True

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def open(self) -> None:
        if self.folder.exists() and not self.folder.is_dir():
            raise ValidationError(QT_TRANSLATE_NOOP("core", "{path} is a file, not a folder"), where="--eml",
                                  path=str(self.folder))
        if not self.folder.parent.is_dir():
            raise ValidationError(QT_TRANSLATE_NOOP("core", "folder {path} does not exist"), where="--eml",
                                  path=str(self.folder.parent))
        self.folder.mkdir(exist_ok=True)

    def send(self, msg: EmailMessage, sender: str, recipient: str, position: int) -> Outcome:
        from ..documents.certificate_files import safe_stem

        name = f"{position:04d} {safe_stem(str(msg['To'].addresses[0].display_name or recipient))}.eml"
        target = self.folder / name
        temp = target.with_name(f".{name}.part")
        temp.write_bytes(msg.as_bytes(policy=policy.SMTP))
        os.replace(temp, target)
        return Outcome(SENT, f"draft written: {target}")

    def close(self) -> None:
        pass
