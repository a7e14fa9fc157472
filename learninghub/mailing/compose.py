"""One message as the standard library's ``EmailMessage``: plain UTF-8 text, no HTML.

Why no HTML part: the text is typed by users and filled with names; plain text needs no
escaping and cannot be made to run anything. Headers with names in any script are written by
``email.policy.default`` as RFC 2047 encoded words (``=?utf-8?b?...?=``); attachment names
with RFC 2231. The Message-ID and the idempotency key are fixed when the message is queued, so
a message sent again after a crash carries the same ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from ..core.errors import ValidationError
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.models import utcnow
from .attachments import Attachment

#: The header that carries a message's idempotency key (a receiving script can drop doubles by it).
KEY_HEADER = "X-LearningHub-Key"


def sender_address(text: str, *, where: str = "from") -> Address:
    """'Learning Hub <hub@example.org>' as an Address; refused without a plausible address."""
    name, addr = parseaddr(text or "")
    if "@" not in addr or addr.startswith("@") or addr.endswith("@") or any(c.isspace() for c in addr):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "{text!r} is not an e-mail address (write Name "
                                                        "<someone@example.org>)"), where=where, text=text)
    user, domain = addr.rsplit("@", 1)
    return Address(display_name=name, username=user, domain=domain)


def idempotency_key(nonce: str, person_id: int) -> str:
    """A batch's nonce and a person: the same key for the same message however often it is tried."""
    return hashlib.sha256(f"{nonce}:{person_id}".encode()).hexdigest()


def message_id(key: str, sender: str) -> str:
    return f"<{key[:40]}@{sender_address(sender).domain}>"


def recipient_address(name: str, email: str) -> Address:
    user, _, domain = email.rpartition("@")
    return Address(display_name=name, username=user, domain=domain)


def build(*, sender: str, name: str, email: str, subject: str, body: str, msg_id: str, key: str,
          attachments: Sequence[Attachment] = (), draft: bool = False) -> EmailMessage:
    """The message to hand over (``draft``: an .eml that mail clients open unsent)."""
    msg = EmailMessage()
    msg["From"] = sender_address(sender)
    msg["To"] = recipient_address(name, email)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = msg_id
    msg[KEY_HEADER] = key
    if draft:
        msg["X-Unsent"] = "1"
    # base64 for any text beyond ASCII: no server in the way needs to pass 8-bit bytes
    msg.set_content(body, subtype="plain", charset="utf-8", cte="7bit" if body.isascii() else "base64")
    for item in attachments:
        msg.add_attachment(item.data, maintype=item.maintype, subtype=item.subtype, filename=item.filename,
                           params=dict(item.params) or None)
    return msg
