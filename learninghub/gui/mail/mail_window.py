"""Seminar → Send e-mail…: the mail merge on screen.

Reads (who gets it and each message as it reads) go through the window's runner, off the GUI
thread; queueing and sending run as a :class:`~..operations.BackgroundOp` with progress and
Cancel. The window only collects choices: every rule lives in ``mailing`` (the outbox in
``core/outbox.py``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import outbox
from ...mailing import attachments as attachment_kinds
from ...mailing import passwords, placeholders, plan, recipients, sending, templates, transports
from ..core_text import error_message, localized
from ..operations import BackgroundOp, Cancelled, Progress


def _mail(text: str) -> str:
    return QCoreApplication.translate("mail", text)


class MailWindow(QDialog):
    """One seminar's mail merge. ``host`` gives the runner, the database and the current seminar."""

    def __init__(self, host: Any, seminar_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host, self.seminar_id = host, seminar_id
        self.setObjectName("mailWindow")
        self.setWindowTitle(self.tr("Send e-mail"))
        self.op: BackgroundOp[Any] | None = None
        self.filled: list[tuple[plan.Filled, list[str]]] = []
        self.edited: dict[str, tuple[str, str]] = {}
        tabs = QTabWidget(self)
        tabs.addTab(self._compose_tab(), self.tr("Compose"))
        tabs.addTab(self._outbox_tab(), self.tr("Outbox"))
        self.tabs = tabs
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        self.resize(1000, 700)
        self._template_chosen()

    # -- building
    def _compose_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout()
        self.template = QComboBox(page)
        for kind, label in templates.KINDS.items():
            self.template.addItem(_mail(label), kind)
        self.lang = QComboBox(page)
        self.lang.addItem(self.tr("Each person's language"), "auto")
        self.lang.addItem(self.tr("English"), "en")
        self.lang.addItem(self.tr("Chinese"), "zh")
        self.audience = QComboBox(page)
        for name, label in recipients.AUDIENCES.items():
            self.audience.addItem(_mail(label), name)
        self.sender = QLineEdit(page)
        self.sender.setPlaceholderText("Learning Hub <hub@example.org>")
        top = QHBoxLayout()
        for label, widget in ((self.tr("Template:"), self.template), (self.tr("Language:"), self.lang),
                              (self.tr("To:"), self.audience)):
            top.addWidget(QLabel(label, page))
            top.addWidget(widget)
        form.addRow(top)
        form.addRow(self.tr("From:"), self.sender)
        self.subject = QLineEdit(page)
        self.subject.setObjectName("mailSubject")
        form.addRow(self.tr("Subject:"), self.subject)
        self.insert = QComboBox(page)
        self.insert.addItem(self.tr("Insert placeholder…"), "")
        for name, what in placeholders.PLACEHOLDERS.items():
            self.insert.addItem(f"${{{name}}} — {_mail(what)}", name)
        self.insert.activated.connect(self._insert_placeholder)
        form.addRow("", self.insert)
        self.body = QPlainTextEdit(page)
        self.body.setObjectName("mailBody")
        self.body.setMinimumHeight(160)
        form.addRow(self.tr("Message:"), self.body)
        self.attach: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        names = {"certificate": self.tr("Certificate"), "badge": self.tr("Badge"), "agenda": self.tr("Agenda"),
                 "ics": self.tr("Calendar invitation (.ics)")}
        for kind in attachment_kinds.KINDS:
            self.attach[kind] = QCheckBox(names[kind], page)
            row.addWidget(self.attach[kind])
        form.addRow(self.tr("Attach:"), row)

        self.people = QListWidget(page)
        self.people.setObjectName("mailRecipients")
        self.people.currentRowChanged.connect(self._show_preview)
        self.preview = QPlainTextEdit(page)
        self.preview.setReadOnly(True)
        self.preview.setObjectName("mailPreview")
        self.summary = QLabel(page)
        left = QWidget(page)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.summary)
        lv.addWidget(self.people)
        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.addWidget(left)
        split.addWidget(self.preview)

        out = QHBoxLayout()
        self.by_smtp = QRadioButton(self.tr("Send through"), page)
        self.by_smtp.setChecked(True)
        self.server = QLineEdit(page)
        self.server.setPlaceholderText("smtp.example.org:587")
        self.security = QComboBox(page)
        for code, label in (("starttls", "STARTTLS"), ("ssl", "SSL"), ("none", self.tr("No encryption"))):
            self.security.addItem(label, code)
        self.user = QLineEdit(page)
        self.user.setPlaceholderText(self.tr("user name"))
        self.password = QLineEdit(page)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("password"))
        self.remember = QCheckBox(self.tr("Keep in the system keyring"), page)
        self.remember.setEnabled(passwords.keyring_available())
        self.by_eml = QRadioButton(self.tr("Write drafts to"), page)
        self.folder = QLineEdit(page)
        browse = QPushButton(self.tr("Browse…"), page)
        browse.clicked.connect(self._browse)
        for widget in (self.by_smtp, self.server, self.security, self.user, self.password, self.remember):
            out.addWidget(widget)
        drafts = QHBoxLayout()
        for widget in (self.by_eml, self.folder, browse):
            drafts.addWidget(widget)
        self.pace = QDoubleSpinBox(page)
        self.pace.setRange(0, 10000)
        self.pace.setSpecialValueText(self.tr("no limit"))
        self.pace.setSuffix(self.tr(" a minute"))
        drafts.addWidget(QLabel(self.tr("Pace:"), page))
        drafts.addWidget(self.pace)
        self.send_button = QPushButton(self.tr("Send"), page)
        self.send_button.setObjectName("mailSend")
        self.send_button.clicked.connect(self.send)
        refresh = QPushButton(self.tr("Show recipients"), page)
        refresh.clicked.connect(self.refresh)
        drafts.addStretch(1)
        drafts.addWidget(refresh)
        drafts.addWidget(self.send_button)

        layout = QVBoxLayout(page)
        layout.addLayout(form, 2)
        layout.addWidget(split, 3)
        layout.addLayout(out)
        layout.addLayout(drafts)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self.lang.currentIndexChanged.connect(self._lang_chosen)
        self.audience.currentIndexChanged.connect(lambda _: self.refresh())
        self.subject.textEdited.connect(lambda _: self._remember_text())
        self.body.textChanged.connect(self._remember_text)
        return page

    def _outbox_tab(self) -> QWidget:
        page = QWidget(self)
        self.batches = QTableWidget(0, 7, page)
        self.batches.setObjectName("mailBatches")
        self.batches.setHorizontalHeaderLabels([self.tr("Batch"), self.tr("Template"), self.tr("Created"),
                                                self.tr("Sent"), self.tr("Failed"), self.tr("Queued"),
                                                self.tr("Unknown")])
        self.batches.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.batches.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.resume_button = QPushButton(self.tr("Resume the chosen batch"), page)
        self.resume_button.clicked.connect(self.resume)
        reload_button = QPushButton(self.tr("Refresh"), page)
        reload_button.clicked.connect(self.load_outbox)
        layout = QVBoxLayout(page)
        layout.addWidget(self.batches)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(reload_button)
        row.addWidget(self.resume_button)
        layout.addLayout(row)
        return page

    # -- choices
    def _kind(self) -> str:
        return str(self.template.currentData())

    def _text_lang(self) -> str:
        """The language whose text the editor shows: the chosen one, English for "each person's"."""
        lang = str(self.lang.currentData())
        return "en" if lang == "auto" else lang

    def _template_chosen(self, *_: Any) -> None:
        kind = self._kind()
        self.edited = {}
        self.audience.blockSignals(True)
        self.audience.setCurrentIndex(self.audience.findData(templates.DEFAULT_AUDIENCE[kind]))
        self.audience.blockSignals(False)
        for name, box in self.attach.items():
            box.setChecked(name in templates.DEFAULT_ATTACHMENTS[kind])
        self._lang_chosen()

    def _lang_chosen(self, *_: Any) -> None:
        lang = self._text_lang()
        built_in = templates.wording(self._kind(), lang)
        subject, body = self.edited.get(lang) or (built_in.subject, built_in.body)
        self._loading = True
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self._loading = False
        self.refresh()

    def _remember_text(self) -> None:
        if getattr(self, "_loading", False):
            return
        self.edited[self._text_lang()] = (self.subject.text(), self.body.toPlainText())

    def _insert_placeholder(self, index: int) -> None:
        name = self.insert.itemData(index)
        self.insert.setCurrentIndex(0)
        if not name:
            return
        target = self.subject if self.subject.hasFocus() else self.body
        if target is self.subject:
            self.subject.insert(placeholders.token(name))
        else:
            self.body.insertPlainText(placeholders.token(name))
        target.setFocus()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the drafts"))
        if folder:
            self.folder.setText(folder)
            self.by_eml.setChecked(True)

    def request(self, *, preview: bool = False) -> plan.Request:
        """The user's choices as a checked request (refusals raised: unknown placeholder, bad sender).

        A preview needs no sender yet: the recipients and their messages show before From is filled in;
        sending refuses an empty one."""
        sender = self.sender.text().strip() or (self.sender.placeholderText() if preview else "")
        return plan.request(self.seminar_id, self._kind(), lang=str(self.lang.currentData()),
                            audience=str(self.audience.currentData()), sender=sender,
                            texts=dict(self.edited),
                            attachments_=[k for k, box in self.attach.items() if box.isChecked()])

    # -- recipients and preview (read off the GUI thread)
    def refresh(self) -> None:
        try:
            req = self.request(preview=True)
        except Exception as exc:  # noqa: BLE001  shown where the list would be
            self.summary.setText(error_message(exc))
            return
        self.host.runner.load("mail", lambda db: _preview(db, req), self._show_people,
                              failed=lambda exc: self.summary.setText(error_message(exc)))

    def _show_people(self, found: tuple[recipients.Audience, list[tuple[plan.Filled, list[str]]]]) -> None:
        who, self.filled = found
        self.people.clear()
        for filled, lacking in self.filled:
            item = QListWidgetItem(f"{filled.recipient.display} <{filled.recipient.email}>", self.people)
            if lacking:
                item.setForeground(Qt.GlobalColor.red)
                item.setToolTip(self.tr("Cannot fill: %1").replace("%1", " ".join(f"${n}" for n in lacking)))
        for person, why in who.excluded:
            item = QListWidgetItem(f"{person.display} — {localized(why)}", self.people)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.summary.setText(self.tr("%1 recipients; %2 left out").replace("%1", str(len(who.included)))
                             .replace("%2", str(len(who.excluded))))
        if self.filled:
            self.people.setCurrentRow(0)
        else:
            self.preview.clear()

    def _show_preview(self, row: int) -> None:
        if not 0 <= row < len(self.filled):
            return
        filled, lacking = self.filled[row]
        head = self.tr("To: %1\nSubject: %2").replace("%1", f"{filled.recipient.display} <{filled.recipient.email}>") \
            .replace("%2", filled.subject)
        note = ("\n" + self.tr("Cannot fill: %1").replace("%1", " ".join(f"${n}" for n in lacking))) if lacking else ""
        self.preview.setPlainText(f"{head}{note}\n\n{filled.body}")

    # -- sending
    def _transport(self) -> Any:
        if self.by_eml.isChecked():
            return transports.EmlTransport(self.folder.text().strip())
        host, port = transports.parse_server(self.server.text(), where=self.tr("server"))
        user = self.user.text().strip() or None
        password = self.password.text() or (passwords.remembered(host, user) if user else None)
        return transports.SmtpTransport(host, port, security=str(self.security.currentData()), user=user,
                                        password=password)

    def send(self) -> None:
        try:
            req = self.request()
            transport = self._transport()
        except Exception as exc:  # noqa: BLE001  a refusal, shown
            QMessageBox.warning(self, self.windowTitle(), error_message(exc))
            return

        def work(progress: Progress) -> sending.Report:
            db = self.host.db
            with db.transaction() as s:
                batch_id = plan.queue(s, req)
            return self._send(db, batch_id, transport, progress)

        self._start(self.tr("Sending e-mail"), work, transport)

    def resume(self) -> None:
        row = self.batches.currentRow()
        if row < 0:
            return
        batch_id = int(self.batches.item(row, 0).text())
        unknown = int(self.batches.item(row, 6).text())
        try:
            transport = self._transport()
        except Exception as exc:  # noqa: BLE001
            QMessageBox.warning(self, self.windowTitle(), error_message(exc))
            return
        settle: bool | None = None
        if unknown:
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("%1 messages were being handed over when sending stopped: they may have arrived. "
                        "Did they arrive (look in the Sent folder)? Yes: record them as sent. No: send them again. "
                        "Cancel: leave them.").replace("%1", str(unknown)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
            settle = {QMessageBox.StandardButton.Yes: True, QMessageBox.StandardButton.No: False}.get(answer)

        def work(progress: Progress) -> sending.Report:
            db = self.host.db
            if settle is not None:
                with db.transaction() as s:
                    outbox.settle_unknown(s, batch_id, sent=settle)
            return self._send(db, batch_id, transport, progress)

        self._start(self.tr("Resuming"), work, transport)

    def _send(self, db: Any, batch_id: int, transport: Any, progress: Progress) -> sending.Report:
        def said(done: int, total: int, label: str) -> None:
            if not progress.cancelled:
                progress.step(done, total, label)

        report = sending.send_batch(db, batch_id, transport, per_minute=self.pace.value() or None, progress=said,
                                    cancelled=lambda: progress.cancelled)
        if self.remember.isChecked() and getattr(transport, "user", None) and transport.password:
            passwords.remember(transport.host, transport.user, transport.password)
        return report

    def _start(self, title: str, work: Any, transport: Any) -> None:
        self.send_button.setEnabled(False)
        self.resume_button.setEnabled(False)
        self.op = BackgroundOp(self, title, work, self._done, self._failed).start()

    def _finish(self) -> None:
        self.send_button.setEnabled(True)
        self.resume_button.setEnabled(True)
        self.load_outbox()

    def _done(self, report: sending.Report) -> None:
        self._finish()
        self.last_report = report
        text = self.tr("Batch %1: %2 sent, %3 failed, %4 not yet sent, %5 unknown.") \
            .replace("%1", str(report.batch_id)).replace("%2", str(report.sent)).replace("%3", str(report.failed)) \
            .replace("%4", str(report.left)).replace("%5", str(report.unknown))
        if report.stopped == "cancelled":
            text += " " + self.tr("Cancelled: Resume in the Outbox sends the rest.")
        elif report.stopped:
            text += " " + self.tr("Stopped: %1. Resume in the Outbox sends the rest.").replace("%1", report.stopped)
        self.host.show_status(text)
        self.summary.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.summary.setText(self.tr("Cancelled: Resume in the Outbox sends the rest."))
            return
        self.summary.setText(error_message(exc))
        QMessageBox.warning(self, self.windowTitle(), error_message(exc))

    # -- outbox
    def load_outbox(self) -> None:
        self.host.runner.load("mail-outbox", lambda db: _batches(db, self.seminar_id), self._show_batches)

    def _show_batches(self, batches: list[outbox.Batch]) -> None:
        self.batches.setRowCount(len(batches))
        for row, b in enumerate(batches):
            cells = (b.id, _mail(templates.KINDS.get(b.template, b.template)), f"{b.created_at:%Y-%m-%d %H:%M}",
                     b.counts["sent"], b.counts["failed"], b.counts["queued"], b.counts["sending"])
            for column, value in enumerate(cells):
                self.batches.setItem(row, column, QTableWidgetItem(str(value)))
        if batches and self.batches.currentRow() < 0:
            self.batches.selectRow(0)


def _preview(db: Any, req: plan.Request) -> Any:
    with db.reading() as s:
        return plan.preview(s, req)


def _batches(db: Any, seminar_id: int) -> list[outbox.Batch]:
    with db.reading() as s:
        return outbox.list_batches(s, seminar_id=seminar_id)


def open_mail(window: Any) -> MailWindow | None:
    """The mail window on the window's current seminar (a status line when none is chosen)."""
    if not window.current_seminar or window.db is None:
        window.show_status(QCoreApplication.translate("MailWindow", "Choose a seminar first."))
        return None
    dialog = MailWindow(window, window.current_seminar, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.load_outbox()
    window.mail_window = dialog
    return dialog


def install(window: Any) -> None:
    """Seminar → Send e-mail… (Ctrl+Shift+M)."""
    from PySide6.QtGui import QKeySequence

    menu = getattr(window, "seminar_menu", None) or window.form.menuView
    action = menu.addAction(QCoreApplication.translate("MailWindow", "Send &e-mail…"), lambda: open_mail(window))
    action.setObjectName("actionMail")
    action.setShortcut(QKeySequence("Ctrl+Shift+M"))
    window.mail_action = action
