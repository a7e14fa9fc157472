"""The SMTP password: asked when sending, or kept in the system's keyring when the user says so.

Never in the database, the settings or a command line: a password given once lives in memory
for one batch; ``keyring`` (an optional extra, ``pip install learninghub-planner[keyring]``)
keeps it in the desktop's own store (Secret Service, Keychain, Credential Locker).
"""

from __future__ import annotations

SERVICE = "learninghub-planner smtp"


def _account(host: str, user: str) -> str:
    return f"{user}@{host}"


def keyring_available() -> bool:
    try:
        import keyring  # noqa: F401
    except ImportError:
        return False
    return True


def remembered(host: str, user: str) -> str | None:
    """The password kept for ``user`` at ``host``, or None (no keyring, nothing kept, keyring failing)."""
    try:
        import keyring

        return keyring.get_password(SERVICE, _account(host, user))
    except Exception:  # noqa: BLE001  a locked or absent keyring backend is "nothing kept", not an error
        return None


def remember(host: str, user: str, password: str) -> bool:
    """Keep the password in the keyring; False when there is no usable keyring."""
    try:
        import keyring

        keyring.set_password(SERVICE, _account(host, user), password)
        return True
    except Exception:  # noqa: BLE001  no usable backend
        return False


def forget(host: str, user: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, _account(host, user))
    except Exception:  # noqa: BLE001, S110  nothing kept, or no backend: nothing to forget
        pass
