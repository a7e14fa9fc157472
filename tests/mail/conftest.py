"""A real SMTP server on 127.0.0.1 (aiosmtpd) and a seminar of 50 people whose names are in five scripts."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from learninghub.core.store import Database

#: (given, family, native, city, country, language of their messages with lang=auto)
SCRIPTS = [
    ("José", "Núñez Peña", None, "Barcelona", "ES"),      # Latin with accents
    ("Jia", "Li", "李佳", "Chengdu", "CN"),                # Chinese
    ("Hyeon-suk", "Han", "한현숙", "Seoul", "KR"),          # Korean
    ("Konstantin", "Petrov", "Константин Петров", "Sofia", "BG"),  # Cyrillic
    ("Eleni", "Papadopoulou", "Ελένη Παπαδοπούλου", "Athens", "GR"),  # Greek
]
SENDER = "学习中心 Learning Hub <hub@example.org>"


@dataclass
class Server:
    """What the test server received, and how it misbehaves when asked to."""

    host: str
    port: int
    received: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    drop_after: int | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def messages(self) -> list[EmailMessage]:
        with self.lock:
            return [message_from_bytes(data, policy=policy.default) for _, _, data in self.received]  # type: ignore[misc]

    def count(self) -> int:
        with self.lock:
            return len(self.received)


class _Handler:
    def __init__(self, server: Server) -> None:
        self.server = server

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # type: ignore[no-untyped-def]
        if self.server.drop_after is not None and self.server.count() >= self.server.drop_after:
            server.transport.close()
            return "421 4.3.0 closing the connection (the test says so)"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        if address in self.server.refuse:
            return f"550 5.1.1 <{address}>: no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        with self.server.lock:
            self.server.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return f"250 2.0.0 queued as {len(self.server.received)}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[Server]:
    from aiosmtpd.controller import Controller

    server = Server("127.0.0.1", _free_port())
    controller = Controller(_Handler(server), hostname=server.host, port=server.port, data_size_limit=0)
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


@dataclass(frozen=True)
class Programme:
    seminar: int
    sessions: list[int]
    people: list[int]
    no_consent: int
    no_email: int


def make_programme(db: Database, count: int = 50) -> Programme:
    """A seminar in Chengdu (three sessions, one online link) and ``count`` people, ten a script, all
    registered and checked in to every session (eligible), plus one without consent and one without e-mail."""
    from learninghub.core.services import agenda, attendance, curricula, people, registration, seminars

    with db.transaction() as s:
        c = curricula.add_curriculum(s, title="Metropolis Learning Hub", start_year=2020, end_year=2022)
        sem = seminars.add_seminar(s, curriculum_id=c.id, title="Park City Project", title_zh="公园城市建设",
                                   start="2020-07-13", end="2020-07-14", timezone="Asia/Shanghai", city="Chengdu",
                                   country="CN", venue="Tianfu International Conference Center", format="hybrid")
        talks = [agenda.add_session(s, seminar_id=sem.id, title=title, title_zh=zh, start=start, end=end,
                                    room=room)[0]
                 for title, zh, start, end, room in [
                     ("Opening", "开幕式", "2020-07-13 09:00", "2020-07-13 10:00", "Hall A"),
                     ("Parks and water", "公园与水", "2020-07-13 14:00", "2020-07-13 16:00",
                      "Zoom https://zoom.example.org/j/123"),
                     ("Closing", "闭幕式", "2020-07-14 10:00", "2020-07-14 11:00", "Hall A")]]
        ids = []
        for n in range(count):
            given, family, native, city, country = SCRIPTS[n % len(SCRIPTS)]
            person = people.add_person(s, given_name=f"{given}", family_name=f"{family} {n + 1}",
                                       native_name=f"{native}{n + 1}" if native else None,
                                       email=f"p{n + 1}@example.org", city=city, country=country,
                                       consent_contact=True)
            ids.append(person.id)
        quiet = people.add_person(s, given_name="Nora", family_name="Quiet", email="quiet@example.org",
                                  consent_contact=False)
        nomail = people.add_person(s, given_name="Otto", family_name="Offline", consent_contact=True)
        for pid in [*ids, quiet.id, nomail.id]:
            registration.register(s, seminar_id=sem.id, person_id=pid)
    with db.transaction() as s:
        for pid in [*ids, quiet.id, nomail.id]:
            for talk in talks:
                attendance.check_in(s, session_id=talk.id, person_id=pid)
    return Programme(sem.id, [t.id for t in talks], ids, quiet.id, nomail.id)


@pytest.fixture
def programme(db: Database) -> Programme:
    return make_programme(db)
