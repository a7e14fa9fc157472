"""Which of a title's two versions the interface shows: the Chinese one in the Chinese interface.

Seminars, sessions and curricula may carry a Chinese title beside the main one
(``title_zh``). A Chinese-speaking user reads the Chinese title where it was set and
the main title otherwise; an English interface always shows the main title, with the
Chinese one as a hint (tooltip). One rule, here, so the tree, the agenda, the headings
and the choosers never disagree.
"""

from __future__ import annotations

from . import i18n


def chinese_interface() -> bool:
    return i18n.language() == i18n.ZH


def shown(title: str, title_zh: str | None) -> str:
    """The title to show in the current interface language."""
    return title_zh if title_zh and chinese_interface() else title


def other(title: str, title_zh: str | None) -> str:
    """The version not shown (for a tooltip), or '' when there is only one."""
    if not title_zh or title_zh == title:
        return ""
    return title if chinese_interface() else title_zh
